import { z } from 'zod';
import { defineController } from '../contracts/controller';
import type { Finding } from '../contracts/finding';

/** The generic controller's parameter space: two texts and how many findings to list. */
export const defaultControllerSchema = z.strictObject({
  preamble: z.string().max(2000),
  closing: z.string().max(2000),
  maxFindings: z.number().int().min(0).max(20),
});

/**
 * The controller every built-in strategy uses unless given another: it lists the strongest findings
 * of the last attempt, most important first, under a short instruction. Its parameters are what the
 * optimizer tunes.
 */
export const defaultController = defineController({
  id: 'default',
  schema: defaultControllerSchema,
  parameters: {
    preamble: 'Your previous attempt did not pass every check. Observations from its trace:',
    closing: 'Address these observations in this attempt.',
    maxFindings: 5,
  },
  steer(findings, _history, parameters) {
    const retry = retryText(findings, parameters);
    return { text: retry.text, parameters: { findings: retry.listed } };
  },
});

/**
 * What a retry is told: the strongest findings of the last attempt (at most `maxFindings`), under the
 * preamble and above the closing; a plain nudge when there are none. Shared by the controllers that
 * list findings this way.
 */
export function retryText(
  findings: readonly Finding[],
  parameters: { readonly preamble: string; readonly closing: string; readonly maxFindings: number },
): { text: string; listed: number } {
  const listed = findings.slice(0, parameters.maxFindings).map((finding) => `- ${finding.claim}`);
  const text =
    listed.length === 0
      ? 'Try a different approach than last time.'
      : [parameters.preamble, ...listed, parameters.closing].join('\n');
  return { text, listed: listed.length };
}
