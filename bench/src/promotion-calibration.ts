import { createRng, decidePromotion } from '@ratchet/stats';
import { formatTable } from './format-table';

const sizes = [10, 20, 50, 100];
const effects = [0, 0.05, 0.1, 0.2];
const simulations = 1000;
const confidence = 0.95;

/**
 * One simulated holdout: each task has a latent pass rate in [0.1, 0.7]; the incumbent passes with
 * that rate, the candidate with the rate plus `effect`. Returns whether the gate promoted.
 */
function simulate(n: number, effect: number, seed: string): boolean {
  const rng = createRng(seed);
  const taskIds = Array.from({ length: n }, (_, i) => `task-${i}`);
  const incumbent: Record<string, number> = {};
  const candidate: Record<string, number> = {};
  for (const id of taskIds) {
    const rate = 0.1 + 0.6 * rng.next();
    incumbent[id] = rng.next() < rate ? 1 : 0;
    candidate[id] = rng.next() < rate + effect ? 1 : 0;
  }
  return decidePromotion({ incumbent, candidate, taskIds, confidence, seed: `${seed}/gate` }).promoted;
}

export function benchCalibration(onProgress: (done: number, total: number) => void): string {
  const total = sizes.length * effects.length * simulations;
  let done = 0;
  const rows = sizes.map((n) => {
    const rates = effects.map((effect) => {
      let promoted = 0;
      for (let s = 0; s < simulations; s++) {
        if (simulate(n, effect, `bench/calibration/${n}/${effect}/${s}`)) promoted++;
        if (++done % 500 === 0) onProgress(done, total);
      }
      return promoted / simulations;
    });
    return [String(n), ...rates.map((rate) => `${(100 * rate).toFixed(1)}%`)];
  });
  const level = (1 - confidence) / 2;
  const mcError = Math.sqrt((level * (1 - level)) / simulations);
  return [
    `Promotion gate (decidePromotion, ${confidence * 100}% confidence, 10,000 resamples): share of ${simulations.toLocaleString('en')} simulated holdouts promoted.`,
    `Pass/fail tasks with latent pass rates in [0.1, 0.7]; the candidate adds the effect to every task's rate.`,
    `Effect 0 is the false-promotion rate: its level is ${(100 * level).toFixed(1)}% (one-sided); Monte Carlo SE at that level ±${(100 * mcError).toFixed(1)} points.`,
    formatTable(['paired tasks', 'null (0)', '+5 pts', '+10 pts', '+20 pts'], rows),
  ].join('\n');
}
