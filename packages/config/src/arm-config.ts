import { basename, extname } from 'node:path';
import { z } from 'zod';

export const strategyNames = ['blind', 'random', 'continue', 'refine', 'continueBest', 'fanoutThenRefine'] as const;

/** A strategy module named by its path (relative to the config file): its default export is a strategy. */
const strategyModulePattern = /\.(?:m?[jt]s)$/;

const strategySchema = z
  .string()
  .refine((value) => (strategyNames as readonly string[]).includes(value) || strategyModulePattern.test(value), {
    error: `must be one of: ${strategyNames.join(', ')}, or the path of a strategy module (e.g. "./my-strategy.ts", whose default export is defineStrategy(…))`,
  });

/**
 * Which controller steers: the family's tuned one where it has one (`environment`, else the generic
 * one), the generic `default` controller, or the `skill` controller (a text every attempt is given).
 */
export const controllerChoices = ['environment', 'generic', 'skill'] as const;
export type ControllerChoice = (typeof controllerChoices)[number];

/** What an optimization may search: an arm's choices, or `program` (the strategy program itself, run in the sandbox). */
export const searchControllerChoices = [...controllerChoices, 'program'] as const;
export type SearchControllerChoice = (typeof searchControllerChoices)[number];

/** Whether an arm's strategy is a module path rather than a built-in name. */
export const isStrategyModule = (strategy: string | undefined) =>
  strategy !== undefined && !(strategyNames as readonly string[]).includes(strategy);

/** A strategy program: plain JavaScript run in the sandbox, named by its path (relative to the config). */
const programSchema = z
  .string()
  .regex(/\.m?js$/, { error: 'must be the path of a .js or .mjs strategy program, e.g. "./my-strategy.js"' })
  .describe(
    'The path (relative to the config) of a strategy program: a .js module whose default export is async function (ctx), run in the QuickJS sandbox with only the strategy API. Instead of "strategy".',
  );

/**
 * One arm: a strategy at k attempts with a controller. `strategy` is a built-in name or the path of a
 * strategy module (native code, trusted); `program` instead is the path of a strategy program, run in
 * the sandbox (untrusted code welcome). Exactly one of the two. `id` defaults to `blind`, or
 * `<strategy>@<k>` (a module's or program's file name without its extension). `controller: "environment"` (default) is the family's tuned controller where it has one,
 * else the generic `default` controller; `"generic"` always takes the generic one; `"skill"` the skill controller.
 */
export const armConfigSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[\w@.:+-]+$/, { error: 'must be letters, digits and _ @ . : + - only' })
      .optional(),
    strategy: strategySchema.optional(),
    program: programSchema.optional(),
    k: z.number().int().min(1, { error: 'must be a whole number ≥ 1' }).max(1000).optional(),
    controller: z.enum(controllerChoices).default('environment'),
    /**
     * Controller parameters laid over the controller's defaults: an object, or the path (relative to the
     * config) of a JSON file holding them — such as a library `ratchet learn` wrote.
     */
    parameters: z
      .union([
        z.string().regex(/\.json$/, { error: 'must be the path of a .json file, or an object of parameters' }),
        z.record(z.string(), z.unknown()),
      ])
      .optional()
      .describe(
        'Controller parameters laid over its defaults: an object, or the path of a JSON file (e.g. a library written by `ratchet learn`).',
      ),
    /** Per-cell caps on top of k; analyst calls count. */
    limits: z
      .strictObject({
        usd: z.number().positive().optional(),
        tokens: z.number().int().positive().optional(),
        wallMs: z.number().int().positive().optional(),
      })
      .optional(),
  })
  .superRefine((arm, context) => {
    if ((arm.strategy === undefined) === (arm.program === undefined)) {
      context.addIssue({
        code: 'custom',
        path: arm.strategy === undefined ? ['strategy'] : ['program'],
        message:
          'give exactly one of "strategy" (a built-in name or a strategy module) and "program" (a sandboxed strategy program)',
      });
    }
  })
  .transform((arm) => {
    const k = arm.strategy === 'blind' ? 1 : (arm.k ?? 4);
    const path = arm.program ?? arm.strategy ?? '';
    const name = arm.program !== undefined || isStrategyModule(arm.strategy) ? basename(path, extname(path)) : path;
    return { ...arm, k, id: arm.id ?? (arm.strategy === 'blind' ? 'blind' : `${name}@${k}`) };
  });
export type ArmConfig = z.output<typeof armConfigSchema>;

/** Whether an arm's strategy is loaded from a file before the run is built: a strategy module or a program. */
export const armNeedsLoading = (arm: Pick<ArmConfig, 'strategy' | 'program'>) =>
  arm.program !== undefined || isStrategyModule(arm.strategy);

/** The key an arm's loaded strategy is kept under (programs and modules never share one). */
export const loadedStrategyKey = (arm: Pick<ArmConfig, 'strategy' | 'program'>) =>
  arm.program !== undefined ? `program:${arm.program}` : (arm.strategy ?? '');

export const defaultArms = [
  { strategy: 'random', k: 4 },
  { strategy: 'refine', k: 4 },
] as const;
