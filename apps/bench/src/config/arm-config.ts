import { z } from 'zod';

export const strategyNames = ['blind', 'random', 'refine', 'continueBest', 'fanoutThenRefine'] as const;

/**
 * One arm: a strategy at k attempts with a controller. `id` defaults to `blind`, or `<strategy>@<k>`.
 * `controller: "environment"` (default) is the family's tuned controller where it has one, else the
 * generic `default` controller; `"generic"` always takes the generic one.
 */
export const armConfigSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[\w@.:+-]+$/, { error: 'must be letters, digits and _ @ . : + - only' })
      .optional(),
    strategy: z.enum(strategyNames, { error: `must be one of: ${strategyNames.join(', ')}` }),
    k: z.number().int().min(1, { error: 'must be a whole number ≥ 1' }).max(1000).optional(),
    controller: z.enum(['environment', 'generic']).default('environment'),
    /** Per-cell caps on top of k. */
    limits: z
      .strictObject({
        usd: z.number().positive().optional(),
        tokens: z.number().int().positive().optional(),
        wallMs: z.number().int().positive().optional(),
      })
      .optional(),
  })
  .transform((arm) => {
    const k = arm.strategy === 'blind' ? 1 : (arm.k ?? 4);
    return { ...arm, k, id: arm.id ?? (arm.strategy === 'blind' ? 'blind' : `${arm.strategy}@${k}`) };
  });
export type ArmConfig = z.output<typeof armConfigSchema>;

export const defaultArms = [
  { strategy: 'random', k: 4 },
  { strategy: 'refine', k: 4 },
] as const;
