export {
  type AnalystRule,
  defaultRules,
  failingChecksRule,
  repeatedOutputRule,
  ruleAnalyst,
  traceErrorsRule,
} from './analysts/rule-analyst';
export type { Analyst, AnalystMeter } from './contracts/analyst';
export type { AttemptView, History } from './contracts/attempt-view';
export { BudgetExhaustedError } from './contracts/budget-exhausted-error';
export {
  type Controller,
  type ControllerDefinition,
  canonicalJson,
  defineController,
  type Topology,
} from './contracts/controller';
export type { Environment } from './contracts/environment';
export type { Finding } from './contracts/finding';
export { InfraError } from './contracts/infra-error';
export { JudgeLeakError } from './contracts/judge-leak-error';
export { RuntimeError } from './contracts/runtime-error';
export type { Task, TaskView } from './contracts/task';
export { viewOf } from './contracts/task';
export type { TraceEvent } from './contracts/trace-event';
export type {
  AttemptFailure,
  AttemptInput,
  AttemptResult,
  AttemptUsage,
  Checkpoint,
  RemainingBudget,
  Worker,
} from './contracts/worker';
export { defaultController } from './controllers/default-controller';
export { assertNoJudgeVerdict, buildSteer } from './firewall';
export { sumUsage } from './harness/sum-usage';
export { type CompareRunsOptions, compareRuns, type RunComparison } from './run/compare-runs';
export { defaultPrimaryContrast, type PrimaryContrast } from './run/primary-contrast';
export {
  type Arm,
  type RunBenchmarkOptions,
  type RunProgress,
  runBenchmark,
  type StopReason,
} from './run/run-benchmark';
export {
  type ArmSummary,
  type ContrastSummary,
  type RunSummary,
  stopReasonOf,
  summarizeRun,
} from './run/summarize-run';
export {
  blind,
  blindStrategy,
  continueBest,
  continueBestStrategy,
  fanoutThenRefine,
  fanoutThenRefineStrategy,
  random,
  randomStrategy,
  refine,
  refineStrategy,
} from './strategies/built-in-strategies';
export { bestByChecks, checkScore } from './strategies/choose-by-checks';
export {
  type CellLimits,
  defineStrategy,
  type ShotOptions,
  type Strategy,
  type StrategyContext,
  type StrategyPlan,
} from './strategies/strategy';
