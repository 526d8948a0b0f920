import type { JsonValue } from '@ratchet/corpus';
import { createVerdict, type Judge } from '@ratchet/judges';
import { type Controller, defineController, ruleAnalyst, type Task } from '@ratchet/runtime';
import { scriptedEnvironment, scriptedWorker } from '@ratchet/runtime/test';
import { createRng } from '@ratchet/stats';
import { z } from 'zod';

/** A marker in every dial verdict's details, so a probe can look for verdict text where it must not be. */
export const dialSecret = 'DIAL-VERDICT-SECRET';

/** The dial family's controller space: one integer that sets how well the worker does, and a text. */
export const dialControllerSchema = z.strictObject({
  dial: z.number().int().min(0).max(10),
  note: z.string().max(200),
});

/** The dial family's controller, at dial 0 (far from every task's best setting). */
export const dialController: Controller = defineController({
  id: 'dial',
  schema: dialControllerSchema,
  parameters: { dial: 0, note: 'begin' },
  initial: (_task, parameters) => ({ text: parameters.note, parameters: { dial: parameters.dial } }),
  steer: (_findings, _history, parameters) => ({ text: parameters.note, parameters: { dial: parameters.dial } }),
  topology: () => 'fanout',
});

export interface DialFamilyOptions {
  /** Tasks per split (train, val, holdout), default 6. */
  readonly perSplit?: number;
  /** The dial setting every task rewards most, default 7. */
  readonly best?: number;
  /** Dollars each attempt reports as measured; null: the worker does not meter dollars. Default 0.01. */
  readonly usdPerAttempt?: number | null;
  /** Task ids carry this prefix (default `dial`), so two draws can be told apart. */
  readonly prefix?: string;
  /** Milliseconds each attempt takes (default 0), so a test can kill a search mid-iteration. */
  readonly delayMs?: number;
  /** Dials within this distance of the best always pass (default 0: only the best itself). */
  readonly plateau?: number;
}

/**
 * A tiny offline family for optimizer tests: the worker passes a task with probability
 * 1 − |dial − best| / 8 (at least 0.05), drawn from the attempt's seeded stream, so a candidate's
 * outcome depends on its parameters, its hash (in the cell seed) and nothing else. Attempts report
 * their dollars as measured (or none), and the judge reads pass/fail from the output.
 */
export function dialFamily(options: DialFamilyOptions = {}) {
  const perSplit = options.perSplit ?? 6;
  const best = options.best ?? 7;
  const prefix = options.prefix ?? 'dial';
  const usd = options.usdPerAttempt === undefined ? 0.01 : options.usdPerAttempt;
  const tasks: Task[] = (['train', 'val', 'holdout'] as const).flatMap((split) =>
    Array.from({ length: perSplit }, (_, index) => ({
      id: `${prefix}-${split}-${index}`,
      split,
      input: { index },
      expected: 'pass',
    })),
  );
  // One deployable check: the output is a verdict-shaped word (it always is; the check says nothing of success).
  const environment = scriptedEnvironment(
    tasks,
    (_task, output) => [{ name: 'well-formed', passed: output === 'pass' || output === 'fail', score: null }],
    `${prefix}-environment`,
  );
  const delayMs = options.delayMs ?? 0;
  const worker = scriptedWorker(async (input) => {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const dial = Number((input.steer?.parameters as { dial?: number } | undefined)?.dial ?? 0);
    const distance = Math.max(0, Math.abs(dial - best) - (options.plateau ?? 0));
    const chance = Math.max(0.05, 1 - distance / 8);
    const passed = createRng(input.seed).next() < chance;
    return {
      output: passed ? 'pass' : 'fail',
      events: [],
      usage: {
        turns: 1,
        tokensIn: null,
        tokensOut: null,
        usd,
        costProvenance: usd === null ? 'unknown' : 'measured',
      },
    };
  }, `${prefix}-worker`);
  const judge: Judge = {
    id: 'dial-judge',
    async judge(task, output, context) {
      const resolved = output === task.expected;
      return createVerdict(
        {
          judge: { id: 'dial-judge' },
          resolved,
          scores: { correct: { value: resolved ? 1 : 0, direction: 'maximize' } },
          // A verdict that names the answer, as some judges' do: it must never reach a reflection prompt.
          details: { answer: `${dialSecret}: the best dial is ${best}` },
        },
        context,
      );
    },
  };
  const split = (name: Task['split']) => tasks.filter((task) => task.split === name);
  return {
    tasks,
    train: split('train'),
    val: split('val'),
    holdout: split('holdout'),
    family: { environment, worker, judge, analyst: ruleAnalyst() },
    /** Attempts the worker has made (each is one cell with k = 1). */
    attempts: () => worker.calls.length,
    config: { family: 'dial', perSplit, best, prefix, usd } as JsonValue,
  };
}
