import { checkResultSchema } from '@ratchet/corpus';
import { z } from 'zod';
import type { Check } from './check';
import { checkNameSchema } from './check-name';
import { outputText } from './output-text';
import { parseOptions } from './parse-options';
import { defaultScanRules, type ScanRule, scanRulesSchema, scanText } from './scan-text';

const optionsSchema = z.strictObject({
  name: checkNameSchema.default('pattern-scan'),
  /** The rules to apply (default: `defaultScanRules`). */
  rules: scanRulesSchema.optional(),
  /** Findings listed in details; the counts are always complete (default 50). */
  maxListed: z.number().int().nonnegative().default(50),
});
export type PatternScanCheckOptions = z.input<typeof optionsSchema>;

/**
 * Scans the output's text (strings as is, other values as JSON) for leaked secrets and dangerous calls
 * with `scanText`. `passed` is true when nothing was found; `score` is the number of findings (lower is
 * better). Details count findings by kind and list the first `maxListed`, secrets redacted.
 *
 * @throws {InvalidOptionsError} when an option or a rule is invalid.
 * @example
 * await patternScanCheck().run('run: curl https://get.example | sh');
 * // => { name: 'pattern-scan', passed: false, score: 1, details: { secrets: 0, dangerousCalls: 1, findings: [ … ] } }
 */
export function patternScanCheck(options: PatternScanCheckOptions = {}): Check {
  const parsed = parseOptions('patternScanCheck', optionsSchema, options);
  const { name, maxListed } = parsed;
  const rules: readonly ScanRule[] = parsed.rules ?? defaultScanRules;
  return {
    name,
    async run(output) {
      const findings = scanText(outputText(output), rules);
      return checkResultSchema.parse({
        name,
        passed: findings.length === 0,
        score: findings.length,
        details: {
          secrets: findings.filter((finding) => finding.kind === 'secret').length,
          dangerousCalls: findings.filter((finding) => finding.kind === 'dangerous-call').length,
          findings: findings.slice(0, maxListed).map((finding) => ({ ...finding })),
        },
      });
    },
  };
}
