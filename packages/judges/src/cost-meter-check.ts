import { checkResultSchema } from '@ratchet/corpus';
import { z } from 'zod';
import type { Check } from './check';
import { checkNameSchema } from './check-name';
import { parseOptions } from './parse-options';

const optionsSchema = z.strictObject({
  name: checkNameSchema.default('cost'),
  /** The spending cap of the attempt, in US dollars. */
  capUsd: z.number().positive().finite(),
});
export type CostMeterCheckOptions = z.input<typeof optionsSchema>;

/**
 * Money spent (`context.usage.usd`) against a cap. `passed` is spent ≤ cap; `score` is the share of the
 * cap spent. Null-aware: when the cost is unknown (no usage, or `usd: null` with provenance
 * `unknown`), `passed` and `score` are null, never 0 (docs/design.md rule 5); details keep the provenance.
 *
 * @throws {InvalidOptionsError} when `capUsd` is not a positive number.
 * @example
 * await costMeterCheck({ capUsd: 2 }).run(output, { usage: { ...unmeasuredUsage, usd: 0.5, costProvenance: 'measured' } });
 * // => { name: 'cost', passed: true, score: 0.25, details: { spentUsd: 0.5, capUsd: 2, costProvenance: 'measured' } }
 */
export function costMeterCheck(options: CostMeterCheckOptions): Check {
  const { name, capUsd } = parseOptions('costMeterCheck', optionsSchema, options);
  return {
    name,
    async run(_output, context = {}) {
      const spentUsd = context.usage?.usd ?? null;
      const costProvenance = context.usage?.costProvenance ?? 'unknown';
      if (spentUsd === null) {
        return checkResultSchema.parse({
          name,
          passed: null,
          score: null,
          details: { spentUsd: null, capUsd, costProvenance },
        });
      }
      return checkResultSchema.parse({
        name,
        passed: spentUsd <= capUsd,
        score: spentUsd / capUsd,
        details: { spentUsd, capUsd, costProvenance },
      });
    },
  };
}
