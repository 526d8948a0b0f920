import type { Analyst, Controller, FamilyInstance, StrategyPlan } from '@ratchet/runtime';

/** What a search or a gate runs cells with: a family's environment, worker, judge and (optionally) analyst. */
export type SearchFamily = Pick<FamilyInstance, 'environment' | 'worker' | 'judge'> & { readonly analyst?: Analyst };

/** How every candidate runs on a task: the strategy and k all candidates share, e.g. `(c) => refine(4, { controller: c })`. */
export type CandidatePlan = (controller: Controller) => StrategyPlan;
