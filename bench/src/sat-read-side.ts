import { availableParallelism } from 'node:os';
import { benchSatMinedSettings } from './sat-mined-settings';
import { benchSatWeights } from './sat-weights-comparison';

/**
 * The sat family's learnable read side (issue 14): (a) whether continuing with the clause weights a
 * weighted WalkSAT learned beats continuing without them and independent restarts at matched flips;
 * (b) whether per-class search settings mined from one run's certified train attempts beat the default
 * controller on fresh tasks. Settings of both are fixed in their files' doc comments, before measuring.
 */
export async function benchSatReadSide(onProgress: (message: string) => void): Promise<string> {
  const started = performance.now();
  const threads = availableParallelism();
  const weights = await benchSatWeights(threads, onProgress);
  const mined = await benchSatMinedSettings(threads, onProgress);
  return [weights, mined, `sat read side wall time: ${((performance.now() - started) / 1000).toFixed(0)} s.`].join(
    '\n\n',
  );
}
