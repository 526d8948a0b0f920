import { type Steer, unmeasuredUsage } from '@ratchet/corpus';
import type { AttemptInput, AttemptResult, Worker } from '@ratchet/runtime';
import { createRng } from '@ratchet/stats';
import { z } from 'zod';
import { parseSimOptions } from './sim-options-error';
import { simSuccessProbability } from './sim-success-probability';
import { type SimInput, simNotice } from './sim-tasks';

/** The effect key of an attempt made without a steer (the first attempt, every random@k attempt). */
export const simUnsteered = 'unsteered';
/** The effect key of a steered attempt whose steer names no arm (a controller other than `simController`). */
export const simSteered = 'steered';

/**
 * Which planted effect an attempt gets: the arm its steer names (`steer.parameters.simArm`, set by
 * `simController`), else `steered` when it has a steer, else `unsteered`.
 */
export function simArmOf(steer: Steer | null): string {
  if (steer === null) return simUnsteered;
  const arm = steer.parameters?.simArm;
  return typeof arm === 'string' && arm.length > 0 ? arm : simSteered;
}

/**
 * The cell's part of an attempt seed. The runtime derives attempt seeds as `<cell seed>/a<index>`;
 * every attempt of a cell shares the cell's latent draw, so adding attempts does not add chances and
 * an arm's success probability is exactly its planted one. A seed of another form is used whole.
 */
export function cellSeedOf(seed: string): string {
  return seed.replace(/\/a\d+$/, '');
}

const optionsSchema = z.object({
  /** Planted effect on success probability, per arm key (see `simArmOf`); missing keys get 0. */
  effects: z.record(z.string().min(1), z.number().min(-1).max(1)).default({}),
  /**
   * Added to the success probability per step of continuation (see `simTopologySuccessRate`). When
   * set, attempts leave a checkpoint and draw their outcomes independently; omitted, they do neither.
   */
  continuation: z.number().min(-1).max(1).optional(),
});
export type SimWorkerOptions = z.input<typeof optionsSchema>;

const inputSchema = z.object({ baseRate: z.number().min(0).max(1) });

/** A sim attempt's checkpoint: how many continuations deep the attempt was (0 for a fresh one). */
const checkpointSchema = z.object({ depth: z.number().int().min(0) });

/**
 * The calibration simulator's worker — not a benchmark. An attempt succeeds when the cell's latent
 * uniform draw falls below the task's base rate plus the planted effect of the attempt's arm. Outcomes
 * are a pure function of the task, the steer and the attempt seed: the same seed gives the same run.
 *
 * With `continuation` set, topology matters and its effect is known exactly: every attempt leaves a
 * checkpoint holding its depth (0 fresh, one more than the attempt it continued from), its success
 * probability gains `continuation × depth`, and it draws its own outcome from its attempt seed — a
 * fresh attempt is an independent try, a continued one goes deeper. Without it, attempts leave no
 * checkpoint and share the cell's draw, as before.
 *
 * @throws {SimOptionsError} when an effect is not a number in [−1, 1].
 * @example
 * const worker = simWorker({ effects: { treated: 0.2 } });
 * // arms: random(2) and refine(2, { controller: simController('treated') }) differ by 0.2
 */
export function simWorker(options: SimWorkerOptions = {}): Worker<SimInput> {
  const { effects, continuation } = parseSimOptions('simWorker', optionsSchema, options);
  return {
    id: 'sim-worker (calibration simulator — not a benchmark)',
    version: '1',
    async attempt(input: AttemptInput<SimInput>): Promise<AttemptResult> {
      const { baseRate } = parseSimOptions('simWorker task.input', inputSchema, input.task.input);
      const arm = simArmOf(input.steer);
      const from = checkpointSchema.safeParse(input.checkpoint);
      const depth = continuation !== undefined && from.success ? from.data.depth + 1 : 0;
      const gain = continuation === undefined ? 0 : continuation * depth;
      const probability = simSuccessProbability(baseRate, (effects[arm] ?? 0) + gain);
      const seed = continuation === undefined ? cellSeedOf(input.seed) : input.seed;
      const draw = createRng(seed).fork('latent').next();
      const succeeded = draw < probability;
      return {
        output: { succeeded, arm, notice: simNotice },
        events: [
          {
            type: 'log',
            data: { arm, probability, succeeded, ...(continuation === undefined ? {} : { depth }), notice: simNotice },
          },
        ],
        // One simulated turn. No work unit: a sim attempt's only work is the attempt, which is counted anyway.
        usage: { ...unmeasuredUsage, turns: 1 },
        ...(continuation === undefined ? {} : { checkpoint: { depth } }),
      };
    },
  };
}
