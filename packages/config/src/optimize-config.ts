import { jsonValueSchema, objectiveSpecSchema } from '@ratchet/corpus';
import { findFamily } from '@ratchet/environments';
import { acceptanceRuleSchema } from '@ratchet/optimizer';
import { defaultController } from '@ratchet/runtime';
import { defaultPrices, priceOf } from '@ratchet/workers';
import { z } from 'zod';
import { searchControllerChoices, strategyNames } from './arm-config';
import { chosenController } from './chosen-controller';
import { count } from './config-count';
import type { EnvironmentConfig } from './environment-config';
import { isBuiltInFamily } from './environment-config';
import { gateConfigSchema } from './gate-config';
import type { WorkerConfig } from './worker-config';

/** The parametric proposer: mutates the controller's JSON parameters within its schema's bounds; needs no model. */
const parametricProposerSchema = z.strictObject({
  kind: z.literal('parametric'),
  stepScale: z
    .number()
    .gt(0)
    .max(1)
    .optional()
    .describe("A step's standard deviation as a share of the parameter's range (default 0.2)."),
  nullRate: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('Chance that a nullable parameter is set to null (default 0.2).'),
});

/** The reflective proposer: a model reads the parent's minibatch attempts and rewrites one component. */
const reflectiveProposerSchema = z.strictObject({
  kind: z.literal('reflective'),
  model: z
    .string()
    .regex(/^(openai|anthropic|compat):\S+$/, {
      error: 'must be a model string: "openai:<model>", "anthropic:<model>" or "compat:<base URL>#<model>"',
    })
    .describe('The model that writes proposals, e.g. "openai:gpt-4o-mini".'),
  datasetTokenBudget: count('tokens')
    .optional()
    .describe("Most tokens the minibatch's attempts may take in the reflection prompt (default 8000)."),
  maxTokens: count('tokens').optional().describe('Most output tokens of one reflection call (default 4096).'),
  maxComponentChars: count('characters').optional().describe('Longest component accepted (default 8000).'),
  instructions: z.string().min(1).optional().describe('Guidance for the model in place of the default.'),
  components: z
    .array(z.string().min(1))
    .min(1)
    .optional()
    .describe('The only components it rewrites, in turn, e.g. ["skill"] (default: every component).'),
  price: z
    .strictObject({ inputPerMTok: z.number().nonnegative(), outputPerMTok: z.number().nonnegative() })
    .optional()
    .describe("Dollars per million tokens (default: the model's list price, if Ratchet knows it)."),
});

/** The author proposer: a model rewrites the candidate's strategy program (`controller: "program"`). */
const authorProposerSchema = z.strictObject({
  kind: z.literal('author'),
  model: reflectiveProposerSchema.shape.model,
  rounds: z
    .number()
    .int()
    .min(0)
    .max(10)
    .default(2)
    .describe('Revisions of a draft that does not compile or fails its smoke run (default 2).'),
  smokeTasks: z
    .number()
    .int()
    .min(1)
    .max(20)
    .default(3)
    .describe('Offline `sim` tasks a draft is smoke-run on before it may cost an evaluation (default 3).'),
  datasetTokenBudget: reflectiveProposerSchema.shape.datasetTokenBudget,
  maxTokens: reflectiveProposerSchema.shape.maxTokens,
  price: reflectiveProposerSchema.shape.price,
});

export const proposerConfigSchema = z
  .union([
    z.literal('parametric').transform((): z.output<typeof parametricProposerSchema> => ({ kind: 'parametric' })),
    parametricProposerSchema,
    reflectiveProposerSchema,
    authorProposerSchema,
  ])
  .default({ kind: 'parametric' })
  .describe(
    'Who writes candidates: "parametric" (no model; the default), { "kind": "reflective", "model": "openai:gpt-4o-mini" }, or { "kind": "author", "model": … } (writes strategy programs; needs "controller": "program").',
  );
export type ProposerConfig = z.output<typeof proposerConfigSchema>;

/**
 * The `optimize` section: how `ratchet optimize` searches for a better controller (GEPA) on train and
 * val, and how `ratchet gate` decides on the holdout whether the candidate it found replaces the baseline.
 */
export const optimizeConfigSchema = z
  .strictObject({
    strategy: z
      .enum(strategyNames)
      .default('refine')
      .describe('How every candidate runs on a task (default refine): the strategy all candidates share.'),
    k: count('attempts').max(1000).default(4).describe('Attempts per task for every candidate (default 4).'),
    controller: z
      .enum(searchControllerChoices)
      .default('environment')
      .describe(
        'The controller searched: "environment" (the family\'s tuned one, else the generic one; default), "generic", "skill" (a text every attempt is given), or "program" (a strategy program run in the sandbox; `strategy` is then unused).',
      ),
    baseline: z
      .record(z.string(), jsonValueSchema)
      .default({})
      .describe("The controller the search starts from: parameters laid over the family's defaults (default: none)."),
    proposer: proposerConfigSchema,
    budget: z
      .strictObject({
        cells: count('cells').optional().describe('Most new cells (candidate × task × replicate) the search runs.'),
        usd: z
          .number()
          .positive()
          .optional()
          .describe('Most dollars, rollouts and proposer calls together; needs a worker that meters dollars.'),
        iterations: count('iterations').optional().describe('Most iterations (one proposal each).'),
      })
      .refine((budget) => Object.values(budget).some((value) => value !== undefined), {
        error:
          'give at least one cap: { "cells": 200 }, { "usd": 5 } or { "iterations": 20 }; a search without one never stops',
      })
      .describe('What the search may spend; every cap is checked before a batch, so none is overshot.'),
    minibatch: count('train tasks')
      .max(1000)
      .default(3)
      .describe('Train tasks a proposal is first tried on (default 3).'),
    replicates: count('replicates')
      .max(100)
      .default(1)
      .describe('Cells per (candidate, task); raise it where the family is noisy (default 1).'),
    acceptance: acceptanceRuleSchema
      .default({ rule: 'strict' })
      .describe(
        'When a proposal earns a val evaluation: { "rule": "strict" } (default), { "rule": "margin", "margin": 0.1 } or { "rule": "sign", "alpha": 0.2 }.',
      ),
    merge: z
      .union([
        z.literal(false),
        z.strictObject({
          every: count('iterations').default(5).describe('Try a merge every N-th iteration (default 5).'),
          subsample: count('val tasks').default(5).describe('Val tasks a merge is first judged on (default 5).'),
        }),
      ])
      .default(false)
      .describe('Merges of two candidates with a common ancestor: false (default) or { "every", "subsample" }.'),
    objectives: z
      .array(objectiveSpecSchema)
      .min(1)
      .default([{ name: 'success', direction: 'maximize' }])
      .describe(
        'What is read per task: success, usd, tokens, wallMs, workUnits, attempts, or a score the judge writes (default success).',
      ),
    scalarization: z
      .record(z.string(), z.number().nonnegative())
      .default({ success: 1 })
      .describe('Weights by objective that pick the best candidate; minimized objectives are subtracted.'),
    maxTrain: count('tasks').optional().describe('Use only the first N train tasks (default: all).'),
    maxVal: count('tasks').optional().describe('Use only the first N val tasks (default: all).'),
    maxHoldout: count('tasks').optional().describe('Gate on only the first N holdout tasks (default: all).'),
    gate: gateConfigSchema,
    seed: z
      .union([z.number().int(), z.string().min(1)])
      .default(0)
      .describe('The search seed: same seed, same search.'),
  })
  .describe('`ratchet optimize` and `ratchet gate`: search for a better controller, then decide on the holdout.');
export type OptimizeConfig = z.output<typeof optimizeConfigSchema>;

/** A cross-field problem of the optimize section, with its path from the top of the config. */
export interface OptimizeIssue {
  readonly path: PropertyKey[];
  readonly message: string;
}

/**
 * What the optimize section asks that its environment cannot give: a dollar cap or a spend objective
 * the family's worker does not meter, a dollar cap with a reflective model of unknown price, weights on
 * objectives not named, a baseline the family's controller schema refuses.
 */
export function optimizeConfigIssues(
  optimize: OptimizeConfig,
  environment: EnvironmentConfig,
  worker: WorkerConfig | undefined,
): OptimizeIssue[] {
  const issues: OptimizeIssue[] = [];
  const at = (...path: PropertyKey[]) => ['optimize', ...path];
  if (optimize.proposer.kind === 'author' && optimize.controller !== 'program') {
    issues.push({
      path: at('proposer', 'kind'),
      message: `"author" writes strategy programs, so it needs "controller": "program" (this section searches "${optimize.controller}")`,
    });
  }
  const names = optimize.objectives.map((objective) => objective.name);
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index)
      issues.push({ path: at('objectives', index), message: `"${name}" is listed twice` });
  });
  for (const [name, weight] of Object.entries(optimize.scalarization)) {
    if (!names.includes(name)) {
      issues.push({
        path: at('scalarization', name),
        message: `weighs "${name}", which is not an objective; objectives: ${names.join(', ')}`,
      });
    } else if (!Number.isFinite(weight)) issues.push({ path: at('scalarization', name), message: 'must be finite' });
  }
  if (!Object.values(optimize.scalarization).some((weight) => weight > 0)) {
    issues.push({
      path: at('scalarization'),
      message: 'give at least one objective a weight above 0, e.g. { "success": 1 }',
    });
  }
  const family = isBuiltInFamily(environment) ? findFamily(environment.kind) : undefined;
  if (family && (worker === undefined || worker.kind === 'builtin')) {
    if (!family.meters.usd && optimize.budget.usd !== undefined) {
      issues.push({
        path: at('budget', 'usd'),
        message: `cannot be enforced: the ${family.id} family's worker does not measure dollars, so the spend would be unknown; cap cells or iterations instead`,
      });
    }
    const unmetered: Record<string, boolean> = {
      usd: !family.meters.usd,
      tokens: !family.meters.tokens,
      workUnits: family.meters.workUnit === null,
    };
    optimize.objectives.forEach((objective, index) => {
      if (unmetered[objective.name]) {
        issues.push({
          path: at('objectives', index, 'name'),
          message: `the ${family.id} family's worker does not measure ${objective.name}; every value would be unknown`,
        });
      }
    });
    const baseline = (
      optimize.controller === 'environment' ? family.controllerSpace : genericSpace(optimize)
    ).schema.safeParse({
      ...(optimize.controller === 'environment' ? family.controllerSpace : genericSpace(optimize)).defaults,
      ...optimize.baseline,
    });
    if (!baseline.success) {
      for (const issue of baseline.error.issues)
        issues.push({ path: at('baseline', ...issue.path), message: issue.message });
    }
  }
  const { proposer } = optimize;
  if (
    proposer.kind === 'reflective' &&
    optimize.budget.usd !== undefined &&
    proposer.price === undefined &&
    priceOf(proposer.model, defaultPrices) === undefined
  ) {
    issues.push({
      path: at('proposer', 'price'),
      message: `${proposer.model} has no known price, so its calls could not count against budget.usd; give { "inputPerMTok", "outputPerMTok" }`,
    });
  }
  return issues;
}

/** The parameter space of the controller an optimize section names when it is not the family's. */
function genericSpace(optimize: OptimizeConfig): { schema: z.ZodType; defaults: Record<string, unknown> } {
  const controller = chosenController(optimize.controller, defaultController);
  return { schema: controller.schema, defaults: controller.parameters };
}
