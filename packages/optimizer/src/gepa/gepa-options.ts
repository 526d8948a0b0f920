import { createHash } from 'node:crypto';
import {
  type Corpus,
  canonicalJson,
  type IterationRecord,
  type JsonValue,
  type ObjectiveSpec,
  type OptimizerSpend,
} from '@ratchet/corpus';
import type { Controller, Task } from '@ratchet/runtime';
import type { Seed } from '@ratchet/stats';
import type { BudgetStop, OptimizerBudget } from '../budget';
import type { MergeRequest, MergeResult, Proposer } from '../proposers/proposer';
import type { Scalarization } from '../score-matrix';
import type { CandidatePlan, SearchFamily } from '../search-family';
import type { AcceptanceRule } from '../selection/acceptance';

/** What a merge step needs: the crossover and how often it runs. */
export interface MergeSettings {
  readonly proposer: { readonly id: string; merge(request: MergeRequest): MergeResult };
  /** Try a merge every `every`-th iteration when a pair with a common ancestor exists (default 5). */
  readonly every?: number;
  /** Val tasks the merged candidate is first judged on, stratified by which parent did better (default 5). */
  readonly subsample?: number;
}

export interface GepaProgress {
  readonly iteration: number;
  readonly outcome: IterationRecord['outcome'];
  readonly reason: string;
  readonly best: { readonly hash: string; readonly valScore: number };
  readonly frontSize: number;
  readonly candidates: number;
  readonly spend: OptimizerSpend;
  readonly budget: OptimizerBudget;
}

export interface GepaOptions {
  readonly corpus: Corpus;
  /** The family's environment, worker, judge and analyst (a `FamilyInstance`, or your own). */
  readonly family: SearchFamily;
  readonly benchmark: string;
  /** The controller the search starts from (the incumbent). */
  readonly baseline: Controller;
  /** How every candidate is run on a task: strategy and k, shared by all (e.g. `(c) => refine(4, { controller: c })`). */
  readonly plan: CandidatePlan;
  /** Tasks minibatches are drawn from: the proposer learns from these. */
  readonly train: readonly Task[];
  /** Tasks every kept candidate is scored on: parent selection and the final pick read these. */
  readonly val: readonly Task[];
  readonly proposer: Proposer;
  /** Merge steps (system-aware crossover); omitted or false: none. */
  readonly merge?: MergeSettings | false;
  /** Minibatch acceptance (default `defaultAcceptance`: the one-sided sign test at α = 0.2). */
  readonly acceptance?: AcceptanceRule;
  /** Train tasks per minibatch (default 3). */
  readonly minibatch?: number;
  /** Replicates per (candidate, task): raise it where the family is noisy (default 1). */
  readonly replicates?: number;
  /** Objectives read per task (default `success`, maximized). */
  readonly objectives?: readonly ObjectiveSpec[];
  /** The stated scalarization that picks the best candidate and scores minibatches (default `{ success: 1 }`). */
  readonly scalarization?: Scalarization;
  readonly budget: OptimizerBudget;
  readonly seed: Seed;
  /** What defines the family's tasks and worker (its options): part of the search's identity and of the cell cache key. */
  readonly familyConfig?: JsonValue;
  /** Reuse to resume; default `opt-<hash of the search's definition>`. */
  readonly optimizationId?: string;
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: GepaProgress) => void;
  readonly now?: () => Date;
  readonly resumeCommand?: string;
  readonly commitSha?: string;
}

/** The search's fixed settings, defaults applied. */
export interface GepaSettings {
  readonly acceptance: AcceptanceRule;
  readonly minibatch: number;
  readonly replicates: number;
  readonly objectives: readonly ObjectiveSpec[];
  readonly scalarization: Scalarization;
  readonly mergeEvery: number;
  readonly mergeSubsample: number;
  readonly seed: string;
}

/**
 * The default minibatch acceptance: a one-sided exact sign test at α = 0.2, not the reference's strict
 * "higher sum". On a 3-task pass/fail minibatch with no true difference, strict accepts whenever the
 * child happens to pass one more task (about a third of the time at a 50% base rate); the sign test
 * accepts only 3 wins and no loss (p = 0.125), so noise buys a val evaluation at most α of the time.
 * `bench/` measures each rule's false-accept rate.
 */
export const defaultAcceptance: AcceptanceRule = { rule: 'sign', alpha: 0.2 };

export const defaultObjectives: readonly ObjectiveSpec[] = [{ name: 'success', direction: 'maximize' }];

export function settingsOf(options: GepaOptions, acceptance: AcceptanceRule): GepaSettings {
  const merge = options.merge || null;
  return {
    acceptance,
    minibatch: options.minibatch ?? 3,
    replicates: options.replicates ?? 1,
    objectives: options.objectives ?? defaultObjectives,
    scalarization: options.scalarization ?? { success: 1 },
    mergeEvery: merge ? (merge.every ?? 5) : 0,
    mergeSubsample: merge ? (merge.subsample ?? 5) : 0,
    seed: String(options.seed),
  };
}

const digest = (value: JsonValue) => createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 16);

/**
 * The search's definition, hashed into its id: the same definition resumes the same search; any change
 * (another seed, proposer, budget, split) is another search.
 */
export function searchDefinition(options: GepaOptions, settings: GepaSettings): JsonValue {
  const probe = options.plan(options.baseline);
  return {
    benchmark: options.benchmark,
    family: options.familyConfig ?? null,
    baseline: { id: options.baseline.id, hash: options.baseline.hash },
    strategy: probe.strategy.name,
    k: probe.k,
    train: options.train.map((task) => task.id),
    val: options.val.map((task) => task.id),
    proposer: options.proposer.id,
    merge: settings.mergeEvery > 0 ? { every: settings.mergeEvery, subsample: settings.mergeSubsample } : null,
    acceptance: { ...settings.acceptance } as JsonValue,
    minibatch: settings.minibatch,
    replicates: settings.replicates,
    objectives: settings.objectives.map((objective) => ({ ...objective })),
    scalarization: { ...settings.scalarization },
    budget: {
      cells: options.budget.cells ?? null,
      usd: options.budget.usd ?? null,
      iterations: options.budget.iterations ?? null,
    },
    seed: settings.seed,
  };
}

/** The key under which a cell can be reused by any search: what defines the cell besides candidate and task. */
export function evaluationKey(
  options: Pick<GepaOptions, 'benchmark' | 'familyConfig' | 'family' | 'plan' | 'baseline'>,
  settings: Pick<GepaSettings, 'replicates' | 'seed'>,
): string {
  const probe = options.plan(options.baseline);
  return digest({
    benchmark: options.benchmark,
    family: options.familyConfig ?? null,
    environment: options.family.environment.id,
    worker: options.family.worker.id,
    judge: options.family.judge.id,
    strategy: probe.strategy.name,
    k: probe.k,
    limits: probe.limits ? ({ ...probe.limits } as JsonValue) : null,
    replicates: settings.replicates,
    seed: settings.seed,
  });
}

export function optimizationIdOf(definition: JsonValue): { id: string; configHash: string } {
  const configHash = digest(definition);
  return { id: `opt-${configHash}`, configHash };
}

/** Why a search stopped, as its record and result say it. */
export type GepaStop =
  | { readonly reason: 'iterations' | 'exhausted' | 'signal' | 'error'; readonly detail: string }
  | BudgetStop;
