import { canonicalJson, type JsonValue } from '@ratchet/corpus';
import { z } from 'zod';
import { createVerdict } from './create-verdict';
import { InvalidExpectedError } from './invalid-expected-error';
import type { Judge } from './judge';
import { judgeIdentityShape } from './judge-identity';
import { createTextNormalizer, normalizeTextOptionsSchema } from './normalize-text';
import { parseOptions } from './parse-options';

const optionsSchema = z.strictObject({
  ...judgeIdentityShape,
  /** `set` (default): output and expected are arrays, compared as sets; `fields`: objects, compared field by field. */
  mode: z.enum(['set', 'fields']).default('set'),
  /** For `fields`: only these fields count (default: every field of either side). */
  fields: z.array(z.string().min(1)).min(1).optional(),
  /** Smallest F1 that counts as resolved (default 1: an exact match of the sets). */
  threshold: z.number().min(0).max(1).default(1),
  /** Normalisation applied to string items and string field values before comparing (see normalizeText). */
  normalize: normalizeTextOptionsSchema.optional(),
});
export type OverlapJudgeOptions = z.input<typeof optionsSchema>;

/** Precision, recall and F1 of a predicted set against an expected set. */
export interface Overlap {
  truePositives: number;
  predicted: number;
  expected: number;
  /** Share of predicted items that are expected; null when nothing was predicted. */
  precision: number | null;
  /** Share of expected items that were predicted; null when nothing was expected. */
  recall: number | null;
  /** Harmonic mean of precision and recall; 1 when both sides are empty, 0 when only one is. */
  f1: number;
}

/**
 * Judges the overlap between an output and `task.expected` by precision, recall and F1.
 * In `set` mode both are arrays, deduplicated and compared by value (strings normalised, other values
 * by canonical JSON). In `fields` mode both are objects; an output field is a true positive when the
 * expected object has the same field with an equal value. Objectives: `precision`, `recall`, `f1`
 * (maximized); resolved when F1 ≥ `threshold`. An output of the wrong shape scores as an empty set.
 *
 * @throws {InvalidOptionsError} when an option is invalid.
 * @example
 * const judge = overlapJudge({ threshold: 0.5 });
 * const verdict = await judge.judge({ id: 't1', input: 'primes < 8', expected: [2, 3, 5, 7] }, [2, 3, 4]);
 * verdict.scores.f1.value; // => 0.5714285714285714 (precision 2/3, recall 2/4)
 */
export function overlapJudge(options: OverlapJudgeOptions = {}): Judge {
  const parsed = parseOptions('overlapJudge', optionsSchema, options);
  const { id = 'overlap', version } = parsed;
  const normalize = createTextNormalizer(parsed.normalize ?? {});
  // Outputs and expected values are JSON (they come from records and datasets): one canonical text per value.
  const key = (value: unknown) =>
    typeof value === 'string' ? JSON.stringify(normalize(value)) : canonicalJson(value as JsonValue);

  const itemsOf = (value: unknown): Set<string> | undefined => {
    if (parsed.mode === 'set') {
      return Array.isArray(value) ? new Set(value.map((item) => String(key(item)))) : undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const record = value as Record<string, unknown>;
    const names = (parsed.fields ?? Object.keys(record)).filter(
      (name) => Object.hasOwn(record, name) && record[name] !== undefined,
    );
    return new Set(names.map((name) => `${JSON.stringify(name)}=${key(record[name])}`));
  };

  return {
    id,
    ...(version === undefined ? {} : { version }),
    async judge(task, output, context) {
      const expected = itemsOf(task.expected);
      if (expected === undefined) {
        throw new InvalidExpectedError({
          judgeId: id,
          taskId: task.id,
          problem: parsed.mode === 'set' ? 'expected an array' : 'expected a plain object',
        });
      }
      const predicted = itemsOf(output);
      const overlap = measureOverlap(predicted ?? new Set(), expected);
      return createVerdict(
        {
          judge: { id, version },
          resolved: overlap.f1 >= parsed.threshold,
          scores: {
            precision: { value: overlap.precision, direction: 'maximize' },
            recall: { value: overlap.recall, direction: 'maximize' },
            f1: { value: overlap.f1, direction: 'maximize' },
          },
          details: {
            ...(predicted === undefined ? { reason: 'output-wrong-shape' } : {}),
            truePositives: overlap.truePositives,
            predicted: overlap.predicted,
            expected: overlap.expected,
          },
        },
        context,
      );
    },
  };
}

/**
 * Precision, recall and F1 of `predicted` against `expected`.
 *
 * @example
 * measureOverlap(new Set(['a', 'b', 'c']), new Set(['a', 'b', 'd', 'e']));
 * // => { truePositives: 2, predicted: 3, expected: 4, precision: 0.667, recall: 0.5, f1: 0.571 }
 */
export function measureOverlap(predicted: ReadonlySet<string>, expected: ReadonlySet<string>): Overlap {
  let truePositives = 0;
  for (const item of predicted) if (expected.has(item)) truePositives++;
  const precision = predicted.size === 0 ? null : truePositives / predicted.size;
  const recall = expected.size === 0 ? null : truePositives / expected.size;
  let f1: number;
  if (predicted.size === 0 && expected.size === 0) f1 = 1;
  else if (truePositives === 0) f1 = 0;
  else f1 = (2 * truePositives) / (predicted.size + expected.size);
  return { truePositives, predicted: predicted.size, expected: expected.size, precision, recall, f1 };
}
