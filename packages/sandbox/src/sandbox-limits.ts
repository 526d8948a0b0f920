import { z } from 'zod';
import { InvalidLimitsError } from './invalid-limits-error';

/** What one cell's program may use. Past any of them the program is stopped and its cell is its failure. */
export interface SandboxLimits {
  /** Time the guest may run inside the engine per cell (waiting for a shot does not count), in ms. */
  readonly cpuMs: number;
  /** The guest heap, in bytes; the engine's own image and stack (16 MiB) come on top. */
  readonly memoryBytes: number;
  /** The engine's stack for the guest, in bytes: what bounds recursion. */
  readonly stackBytes: number;
  /** Calls into the host per cell: `shot`, `observe`, `random`, `Math.random`, `history`, … */
  readonly maxHostCalls: number;
}

const mib = 1024 * 1024;

/**
 * The defaults. `stackBytes` is 256 KiB rather than more: at 512 KiB a plain recursion in the engine
 * exhausts Node's own stack (about 1 MB by default) before the engine's check fires; that case is still
 * caught (the cell fails with the stack limit and the engine instance is discarded), but the engine's
 * own, cheaper check is the one meant to fire.
 */
export const defaultSandboxLimits: SandboxLimits = Object.freeze({
  cpuMs: 2000,
  memoryBytes: 32 * mib,
  stackBytes: 256 * 1024,
  maxHostCalls: 10_000,
});

const limitsSchema = z.strictObject({
  cpuMs: z.number().int().min(1).max(600_000).optional(),
  memoryBytes: z
    .number()
    .int()
    .min(mib)
    .max(1024 * mib)
    .optional(),
  // The engine's shadow stack is about 5 MB: a larger limit would let the guest write past it.
  stackBytes: z
    .number()
    .int()
    .min(16 * 1024)
    .max(4 * mib)
    .optional(),
  maxHostCalls: z.number().int().min(1).max(100_000_000).optional(),
});

/**
 * The defaults with `limits` laid over them.
 * @throws {InvalidLimitsError} naming each field out of its range.
 */
export function resolveLimits(limits: Partial<SandboxLimits> = {}): SandboxLimits {
  const parsed = limitsSchema.safeParse(limits);
  if (!parsed.success) {
    throw new InvalidLimitsError(
      parsed.error.issues.map((issue) => ({
        field: issue.path.map(String).join('.') || '(limits)',
        message: issue.message,
      })),
    );
  }
  const defined = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
  return Object.freeze({ ...defaultSandboxLimits, ...defined });
}
