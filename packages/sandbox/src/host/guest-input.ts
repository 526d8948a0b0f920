import type { Finding, ShotOptions } from '@ratchet/runtime';
import { z } from 'zod';

/** What the guest handed the host was malformed: delivered back to it as a `TypeError`, its to catch. */
export class GuestInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TypeError';
  }
}

// Findings keep only their three fields; the origin is any string, so the firewall — not this
// schema — is what refuses a judge-origin finding (and says so as a judge leak).
const findingSchema = z.object({
  claim: z.string().max(100_000),
  evidence: z.unknown().transform((value) => (value === undefined ? null : value)),
  origin: z.string().max(100),
});

const shotOptionsSchema = z.strictObject({
  findings: z.array(findingSchema).max(10_000).optional(),
  from: z.string().min(1).max(1000).optional(),
});

/**
 * The shot options the guest sent, as JSON text, made into host objects.
 * @throws {GuestInputError} naming what is wrong.
 */
export function parseShotOptions(json: string | null): ShotOptions {
  let value: unknown;
  try {
    value = json === null ? undefined : JSON.parse(json);
  } catch {
    value = undefined;
  }
  const parsed = shotOptionsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || 'options';
    throw new GuestInputError(
      `shot(options): ${field}: ${issue?.message ?? 'invalid'}; options are { findings?: [{ claim, evidence, origin }], from?: attemptId }`,
    );
  }
  const { findings, from } = parsed.data;
  return {
    ...(findings === undefined ? {} : { findings: findings as Finding[] }),
    ...(from === undefined ? {} : { from }),
  };
}

/**
 * An attempt id the guest passed (to `observe`, `choose`).
 * @throws {GuestInputError} when it is not a string.
 */
export function attemptIdArgument(call: string, id: string | null): string {
  if (id === null) throw new GuestInputError(`${call}(attempt): pass an attempt or its attemptId (a string)`);
  return id;
}
