import type { Corpus, RunManifest } from '@ratchet/corpus';
import { RuntimeError } from '../contracts/runtime-error';
import { configDifferences } from './config-differences';
import { adjustWithinFamilies, pairedContrast } from './paired-contrast';
import type { ContrastSummary } from './summarize-run';

/** Two recorded runs side by side: each matched arm of the candidate run against the baseline run's. */
export interface RunComparison {
  baselineRunId: string;
  candidateRunId: string;
  /** One per matched arm pair (name `<arm>` or `<candidate arm> vs <baseline arm>`), BH-corrected together. */
  contrasts: ContrastSummary[];
  /** Arms of each run left without a partner. */
  unmatched: { baseline: string[]; candidate: string[] };
  /**
   * What differs between the two runs' definitions: the config hashes when they differ, then every
   * field of the resolved configurations that differs (environment, worker, judge and its options,
   * arms, controllers, tasks, seed…), as `path: before → after`.
   */
  differences: string[];
}

export interface CompareRunsOptions {
  /** Which arms to pair; default every arm id the two runs share. */
  arms?: ReadonlyArray<{ baseline: string; candidate: string }>;
  /** Seed of the bootstrap (default: the candidate run's seed). */
  seed?: string;
}

/**
 * Pairs two runs' arms on the tasks both ran (replicates averaged, infra excluded) and measures
 * candidate − baseline for each arm pair with a seeded paired bootstrap, BH-corrected across the
 * pairs (McNemar exact for pass/fail below 20 pairs). Not pre-registered: every comparison is exploratory.
 *
 * @throws {RuntimeError} when a run is not in the corpus, a named arm does not exist, or no arm matches.
 * @example
 * const comparison = await compareRuns(corpus, 'dsl-before', 'dsl-after');
 * // => { contrasts: [{ name: 'refine@4', estimate: 0.05, low: -0.02, … }], differences: ['worker: …'] }
 */
export async function compareRuns(
  corpus: Corpus,
  baselineRunId: string,
  candidateRunId: string,
  options: CompareRunsOptions = {},
): Promise<RunComparison> {
  const baseline = await requireRun(corpus, baselineRunId);
  const candidate = await requireRun(corpus, candidateRunId);
  for (const run of [baseline, candidate]) {
    if (run.retryOf !== undefined) {
      throw new RuntimeError(
        `run "${run.runId}" re-ran only the failed cells of "${run.retryOf.runId}": its rates are conditional on failure, not an estimate of any arm's, so it is compared with nothing`,
      );
    }
  }
  const baselineArms = baseline.arms.map((arm) => arm.armId);
  const candidateArms = candidate.arms.map((arm) => arm.armId);
  const pairs =
    options.arms ??
    candidateArms.filter((id) => baselineArms.includes(id)).map((id) => ({ baseline: id, candidate: id }));
  for (const pair of pairs) {
    if (!baselineArms.includes(pair.baseline)) throw missingArm(baselineRunId, pair.baseline, baselineArms);
    if (!candidateArms.includes(pair.candidate)) throw missingArm(candidateRunId, pair.candidate, candidateArms);
  }
  if (pairs.length === 0) {
    throw new RuntimeError(
      `runs "${baselineRunId}" (arms ${baselineArms.join(', ')}) and "${candidateRunId}" (arms ${candidateArms.join(', ')}) share no arm id; name the pairs to compare`,
    );
  }
  const seed = options.seed ?? candidate.seed;
  const contrasts: ContrastSummary[] = [];
  for (const pair of pairs) {
    const name = pair.baseline === pair.candidate ? pair.candidate : `${pair.candidate} vs ${pair.baseline}`;
    const measured = await pairedContrast(
      corpus,
      { runId: baselineRunId, armId: pair.baseline },
      { runId: candidateRunId, armId: pair.candidate },
      `${seed}/compare/${baselineRunId}/${candidateRunId}/${name}`,
    );
    contrasts.push({
      name,
      family: 'exploratory',
      primary: false,
      baseline: `${baselineRunId}/${pair.baseline}`,
      candidate: `${candidateRunId}/${pair.candidate}`,
      ...measured,
    });
  }
  adjustWithinFamilies(contrasts);
  return {
    baselineRunId,
    candidateRunId,
    contrasts,
    unmatched: {
      baseline: baselineArms.filter((id) => !pairs.some((pair) => pair.baseline === id)),
      candidate: candidateArms.filter((id) => !pairs.some((pair) => pair.candidate === id)),
    },
    differences: differencesOf(baseline, candidate, pairs),
  };
}

async function requireRun(corpus: Corpus, runId: string): Promise<RunManifest> {
  const manifest = await corpus.manifest(runId);
  if (!manifest) throw new RuntimeError(`there is no run "${runId}" in ${corpus.url}`);
  return manifest;
}

function missingArm(runId: string, armId: string, arms: readonly string[]): RuntimeError {
  return new RuntimeError(`run "${runId}" has no arm "${armId}"; its arms: ${arms.join(', ')}`);
}

function differencesOf(
  baseline: RunManifest,
  candidate: RunManifest,
  pairs: ReadonlyArray<{ baseline: string; candidate: string }>,
): string[] {
  const differences: string[] = [];
  if (baseline.configHash !== candidate.configHash) {
    differences.push(`config hash: ${baseline.configHash} → ${candidate.configHash}`);
  }
  const fields: Array<[string, unknown, unknown]> = [
    ['benchmark', baseline.benchmark, candidate.benchmark],
    ['environment', baseline.environment, candidate.environment],
    ['worker', baseline.worker, candidate.worker],
    ['seed', baseline.seed, candidate.seed],
  ];
  for (const [field, before, after] of fields) {
    differences.push(...configDifferences(before as never, after as never, field));
  }
  differences.push(...configDifferences(baseline.config, candidate.config, 'config'));
  for (const pair of pairs) {
    const before = baseline.arms.find((arm) => arm.armId === pair.baseline);
    const after = candidate.arms.find((arm) => arm.armId === pair.candidate);
    if (!before || !after) continue;
    if (before.strategy !== after.strategy || before.k !== after.k) {
      differences.push(`arm ${pair.candidate}: ${before.strategy}@${before.k} → ${after.strategy}@${after.k}`);
    }
    if (before.controller.hash !== after.controller.hash) {
      differences.push(
        `arm ${pair.candidate}: controller ${before.controller.id}#${before.controller.hash.slice(0, 8)} → ${after.controller.id}#${after.controller.hash.slice(0, 8)}`,
      );
    }
  }
  return differences;
}
