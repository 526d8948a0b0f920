import type { Corpus, RunManifest } from '@ratchet/corpus';
import { RuntimeError } from '../contracts/runtime-error';

/**
 * Writes the manifest, or checks a resumed run's manifest is the same run (same configuration) and
 * marks it running again.
 *
 * @throws {RuntimeError} when the run id was used by another configuration.
 */
export async function startManifest(corpus: Corpus, manifest: RunManifest): Promise<RunManifest> {
  const existing = await corpus.manifest(manifest.runId);
  if (!existing) {
    await corpus.putManifest(manifest);
    return manifest;
  }
  if (existing.configHash !== manifest.configHash) {
    throw new RuntimeError(
      `run "${manifest.runId}" was started with another configuration (config hash ${existing.configHash}, now ${manifest.configHash}); resume it with the same arms, tasks, seed and replicates, or use a new run id`,
    );
  }
  // A resumed run is running again: why it stopped last time no longer holds.
  const { stopDetail: _stopped, ...current } = existing;
  const resumed: RunManifest = {
    ...current,
    status: 'running',
    stopReason: null,
    endedAt: null,
    ...(manifest.resumeCommand === undefined ? {} : { resumeCommand: manifest.resumeCommand }),
  };
  await corpus.putManifest(resumed);
  return resumed;
}
