import { createRng, type Rng, type Seed } from '@ratchet/stats';
import type { IterationContext, IterationOutcome, Orchestrator } from '../autoloop-types';
import { reportSpend } from './metered-context';
import { scriptedError } from './scripted-orchestrator';

export interface SimulatedOrchestratorOptions {
  readonly seed: Seed;
  /** The target's hash before any iteration. */
  readonly initialHash?: string;
  /** Mean fake dollars per iteration (each iteration draws 0.75×–1.25× of it); null (default): unmetered. */
  readonly costPerIterationUsd?: number | null;
  /** Chance an iteration fails (default 0.05). */
  readonly errorRate?: number;
  /** Expected true lift of the first proposal (default 0.05); later proposals decay by `liftDecay`. */
  readonly firstLift?: number;
  /** Diminishing returns: the expected lift of iteration n is firstLift × liftDecay^(n−1) (default 0.7). */
  readonly liftDecay?: number;
  /** Half-width of the gated 95% CI (default 0.03): the gate's noise. */
  readonly ciHalfWidth?: number;
  readonly cellsPerIteration?: number;
  /** Simulated work time per iteration (default 0); the signal cuts it short. */
  readonly delayMs?: number;
}

function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
  });
}

/**
 * A seeded stand-in for `improve`, for `--dry-run`: it spends no money and runs no cell, but returns
 * plausible outcomes — a proposal's true lift shrinks iteration after iteration (diminishing returns),
 * the gate measures it with noise, and it keeps only when the CI's lower bound is above 0, as the real
 * gate does; so a dry run plateaus the way a real loop would. Each iteration draws from its own fork of
 * the seed (`iteration-<n>`), so a resumed dry run replays the same iterations.
 */
export function simulatedOrchestrator(options: SimulatedOrchestratorOptions): Orchestrator {
  const root = createRng(options.seed);
  const errorRate = options.errorRate ?? 0.05;
  const firstLift = options.firstLift ?? 0.05;
  const liftDecay = options.liftDecay ?? 0.7;
  const half = options.ciHalfWidth ?? 0.03;
  const cells = options.cellsPerIteration ?? 40;
  const cost = options.costPerIterationUsd ?? null;
  return {
    kind: 'simulated',
    initialHash: options.initialHash ?? 'sim-initial',
    async iterate(context: IterationContext): Promise<IterationOutcome> {
      const n = context.iteration;
      const rng = root.fork(`iteration-${n}`);
      const spendUsd = cost === null ? null : cost * (0.75 + 0.5 * rng.next());
      if (options.delayMs !== undefined && options.delayMs > 0) {
        await wait(options.delayMs / 2, context.signal);
        if (spendUsd !== null) reportSpend(context, spendUsd / 2);
        await wait(options.delayMs / 2, context.signal);
      } else if (context.signal.aborted) {
        throw context.signal.reason;
      }
      if (rng.next() < errorRate) {
        const failure = new Error(`simulated failure in iteration ${n} (dry run: nothing real failed)`);
        return scriptedError(failure.stack ?? failure.message, spendUsd, `Iteration ${n} failed (simulated).`);
      }
      const trueLift = firstLift * liftDecay ** (n - 1) * (0.5 + rng.next());
      const estimate = trueLift + (half / 1.96) * normal(rng);
      const score = { estimate, low: estimate - half, high: estimate + half };
      const candidateId = `sim-candidate-${root.seed}-${n}`;
      const keep = score.low > 0;
      return {
        decision: keep ? 'keep' : 'reject',
        candidateId,
        targetHash: keep ? `sim-${root.seed}-${n}` : null,
        score,
        spendUsd,
        cells,
        failure: null,
        summary: `Simulated proposal ${n}: gated lift ${estimate.toFixed(3)} (CI ${score.low.toFixed(3)} to ${score.high.toFixed(3)}); ${keep ? 'kept: the lower bound is above 0' : 'rejected: the CI includes 0'}.`,
      };
    },
  };
}
