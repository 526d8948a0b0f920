import { z } from 'zod';

const tokens = z.int().nonnegative();

/**
 * Token counts of one scripted answer, the same for every API shape: `input` counts every prompt
 * token, cached ones included (`cacheRead` and `cacheWrite` are parts of it); `output` counts every
 * completion token, reasoning included. Each API shape reports them the way its provider does
 * (Anthropic's `input_tokens` leaves the cached parts out; OpenAI's includes them).
 */
export const mockUsageSchema = z
  .strictObject({
    input: tokens,
    output: tokens,
    cacheRead: tokens.optional(),
    cacheWrite: tokens.optional(),
    reasoning: tokens.optional(),
  })
  .refine((usage) => (usage.cacheRead ?? 0) + (usage.cacheWrite ?? 0) <= usage.input, {
    message: 'cacheRead + cacheWrite must not exceed input: input counts every prompt token, cached ones included',
  })
  .refine((usage) => (usage.reasoning ?? 0) <= usage.output, {
    message: 'reasoning must not exceed output: output counts every completion token, reasoning included',
  });
export type MockUsage = z.infer<typeof mockUsageSchema>;

/**
 * How the mock answers one model call. Errors take each API's own shape and status: `unauthorized`
 * 401; `billing` as each provider reports it (Anthropic 400 "credit balance is too low", OpenAI 429
 * `insufficient_quota`); `rate-limited` 429 with `retry-after` when given; `overloaded` 529 for
 * Anthropic, 503 for OpenAI; `server-error` 500; `bad-request` 400 (an unknown parameter or model).
 * `malformed` answers 200 with a body that is not JSON; `drop` reads the request and destroys the
 * socket before any response; `hang` never answers until the mock is closed.
 */
export const mockScenarioSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('success'), text: z.string(), usage: mockUsageSchema }),
  z.strictObject({ kind: z.literal('unauthorized') }),
  z.strictObject({ kind: z.literal('billing') }),
  z.strictObject({ kind: z.literal('rate-limited'), retryAfterSeconds: z.number().nonnegative().optional() }),
  z.strictObject({ kind: z.literal('overloaded') }),
  z.strictObject({ kind: z.literal('server-error') }),
  z.strictObject({ kind: z.literal('bad-request'), message: z.string().min(1).optional() }),
  z.strictObject({ kind: z.literal('malformed') }),
  z.strictObject({ kind: z.literal('drop') }),
  z.strictObject({ kind: z.literal('hang') }),
]);
export type MockScenario = z.infer<typeof mockScenarioSchema>;
export type MockScenarioKind = MockScenario['kind'];
export type MockSuccess = Extract<MockScenario, { kind: 'success' }>;
/** The scenarios an API shape renders as an HTTP error. */
export type MockErrorScenario = Extract<
  MockScenario,
  { kind: 'unauthorized' | 'billing' | 'rate-limited' | 'overloaded' | 'server-error' | 'bad-request' }
>;

export function isErrorScenario(scenario: MockScenario): scenario is MockErrorScenario {
  return !['success', 'malformed', 'drop', 'hang'].includes(scenario.kind);
}
