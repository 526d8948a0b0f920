import type { Split } from '@ratchet/corpus';
import type { Task } from '@ratchet/runtime';
import { createRng } from '@ratchet/stats';
import { z } from 'zod';
import { generatePlanted3Sat } from './generate-planted-3sat';
import type { SatFormula } from './sat-formula';
import { parseSatOptions } from './sat-options-error';

/** Clause/variable ratio: just under the 3-SAT threshold (≈ 4.26), where local search works hardest. */
export const satRatio = 4.2;
export const satMinVariables = 20;
export const satMaxVariables = 150;

export type SatDifficulty = 'easy' | 'medium' | 'hard';

/** A task's public input: the formula, and how big and hard it is. */
export interface SatInput extends SatFormula {
  readonly ratio: number;
  readonly difficulty: SatDifficulty;
  /** Every formula is satisfiable by construction (a planted, hidden solution). */
  readonly planted: true;
}

const optionsSchema = z.object({
  count: z.number().int().min(0).max(100_000),
  seed: z.union([z.number().finite(), z.string().min(1)]).default(0),
  split: z.enum(['train', 'val', 'holdout']).default('train'),
});
export type SatTasksOptions = z.input<typeof optionsSchema>;

function difficultyOf(variables: number): SatDifficulty {
  if (variables <= 60) return 'easy';
  return variables <= 110 ? 'medium' : 'hard';
}

/**
 * Random planted 3-SAT tasks at ratio 4.2, 20–150 variables. Task i depends only on (seed, split, i):
 * the same everywhere, whatever `count` is; the split is part of the id and of the stream, so splits
 * never share a task. `expected` holds the hidden solution (for reference only; the judge needs no
 * oracle because checking an assignment against the public formula is cheap); `metadata.difficulty`
 * the size label reports group by.
 *
 * @throws {SatOptionsError} when an option is invalid.
 * @example
 * satTasks({ count: 2, seed: 1 })[1].id; // => 'sat-1-train-0001'
 */
export function satTasks(options: SatTasksOptions): Task<SatInput>[] {
  const { count, seed, split } = parseSatOptions('satTasks', optionsSchema, options);
  return Array.from({ length: count }, (_, i) => satTask(seed, split, i));
}

function satTask(seed: number | string, split: Split, index: number): Task<SatInput> {
  const rng = createRng(seed).fork(`sat/${split}/${index}`);
  const variables = satMinVariables + rng.int(satMaxVariables - satMinVariables + 1);
  const { clauses, hidden } = generatePlanted3Sat(variables, satRatio, rng.fork('formula'));
  return {
    id: `sat-${seed}-${split}-${String(index).padStart(4, '0')}`,
    split,
    input: { variables, clauses, ratio: satRatio, difficulty: difficultyOf(variables), planted: true },
    expected: hidden,
    // The size label is public input too; it is repeated here so reports group every family alike.
    metadata: { difficulty: difficultyOf(variables) },
  };
}
