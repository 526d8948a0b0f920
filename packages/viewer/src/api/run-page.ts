import type { Corpus, RunManifest } from '@ratchet/corpus';
import {
  type MeasuredContrast,
  pairedContrast,
  plannedContrasts,
  type RunSummary,
  summarizeRun,
} from '@ratchet/runtime';
import { NotFoundError } from './not-found-error';
import { RunMemo } from './run-memo';

export interface RunPage {
  manifest: RunManifest;
  summary: RunSummary;
}

/** A run's primary contrast, measured as the run page measures it (same pairs, same seed), without the BH q. */
export interface PrimaryContrast {
  runId: string;
  name: string;
  baseline: string;
  candidate: string;
  measured: Omit<MeasuredContrast, 'qValue'>;
}

/** Reads runs for the API: the manifest, and the summaries the report uses, remembered while a run is unchanged. */
export class RunReader {
  readonly #corpus: Corpus;
  readonly #summaries = new RunMemo<RunSummary>(16);
  readonly #primaries = new RunMemo<PrimaryContrast>(256);

  constructor(corpus: Corpus) {
    this.#corpus = corpus;
  }

  /** @throws {NotFoundError} when the corpus holds no such run. */
  async manifest(runId: string): Promise<RunManifest> {
    const manifest = await this.#corpus.manifest(runId);
    if (!manifest) throw new NotFoundError('run', runId, this.#corpus.url);
    return manifest;
  }

  /** The manifest and `summarizeRun`'s summary, exactly as `ratchet report` computes it (tolerance 0.1, the run's seed). */
  async page(runId: string): Promise<RunPage> {
    const manifest = await this.manifest(runId);
    const summary = await this.#summaries.get(await this.#key(manifest), () =>
      summarizeRun(this.#corpus, manifest, { tolerance: 0.1, seed: manifest.seed }),
    );
    return { manifest, summary };
  }

  /** The pre-registered contrast alone, for the runs list: one pairs query and one test per run. */
  async primary(runId: string): Promise<PrimaryContrast> {
    const manifest = await this.manifest(runId);
    return this.#primaries.get(await this.#key(manifest), async () => {
      const planned = plannedContrasts(manifest).find((contrast) => contrast.primary);
      const { name, baseline, candidate } = planned ?? manifest.primaryContrast;
      const { qValue: _q, ...measured } = await pairedContrast(
        this.#corpus,
        { runId, armId: baseline },
        { runId, armId: candidate },
        `${manifest.seed}/contrast/${name}`,
      );
      return { runId, name, baseline, candidate, measured };
    });
  }

  async #key(manifest: RunManifest): Promise<string> {
    const [counts] = await this.#corpus.runCellCounts([manifest.runId]);
    return `${manifest.runId}\u0000${manifest.status}\u0000${counts?.cells ?? 0}`;
  }
}
