export {
  type AnalystRule,
  agentFailureRule,
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
  type ControllerParameters,
  defineController,
  type Topology,
} from './contracts/controller';
export type { Environment } from './contracts/environment';
export type { Family, FamilyInstance, FamilyMeters } from './contracts/family';
export type { Finding } from './contracts/finding';
export { InfraError } from './contracts/infra-error';
export { InvalidControllerError } from './contracts/invalid-controller-error';
export { InvalidSteerError } from './contracts/invalid-steer-error';
export { JudgeLeakError } from './contracts/judge-leak-error';
export type { CertifiedExample, LibraryMiner, MinedLibrary } from './contracts/library-miner';
export { RuntimeError } from './contracts/runtime-error';
export { SplitOverlapError } from './contracts/split-overlap-error';
export { StrategyFailureError } from './contracts/strategy-failure-error';
export type { Task, TaskView } from './contracts/task';
export { viewOf } from './contracts/task';
export type { TraceEvent } from './contracts/trace-event';
export { UnenforceableCapError } from './contracts/unenforceable-cap-error';
export type {
  AttemptFailure,
  AttemptInput,
  AttemptResult,
  AttemptUsage,
  Checkpoint,
  RemainingBudget,
  SteerParametersSchema,
  Worker,
} from './contracts/worker';
export { defaultController, defaultControllerSchema, retryText } from './controllers/default-controller';
export { maxSkillChars, skillController, skillControllerSchema } from './controllers/skill-controller';
export { assertNoJudgeVerdict, buildSteer, type SteerRequest } from './firewall';
export { RecordWriter } from './harness/record-writer';
export { RunInfraPause } from './harness/retry';
export { sumUsage } from './harness/sum-usage';
// The pieces of a run, for running its cells elsewhere (workers taking cells from a queue).
export { abandonedCellRecord } from './run/abandoned-cell';
export { cellToRunNow } from './run/cell-to-run-now';
export { type CellToRun, cellsToRun, type PlannedCell } from './run/cells-to-run';
export { type CompareRunsOptions, compareRuns, type RunComparison } from './run/compare-runs';
export type { ComputeCheck, ComputeFigure } from './run/compute-flags';
export { configDifferences } from './run/config-differences';
export { countByArm, isFailedCell, isInfraCell } from './run/failed-cells';
export { finishRun, type RunEnding } from './run/finish-run';
export {
  duplicateSignalWindowMs,
  type InterruptOnSignalOptions,
  interruptOnProcessSignals,
  interruptOnSignal,
  interruptSignals,
} from './run/interrupt-on-signal';
export { type ArmRef, exactBelowPairs, type MeasuredContrast, pairedContrast } from './run/paired-contrast';
export { type BenchmarkPlan, manifestOf, planBenchmark } from './run/plan-benchmark';
export { type ContrastFamily, type PlannedContrast, plannedContrasts } from './run/planned-contrasts';
export {
  type ArmShape,
  defaultPrimaryContrast,
  findDefaultContrast,
  type PrimaryContrast,
} from './run/primary-contrast';
export { rateLimited } from './run/rate-limited';
export {
  type Arm,
  type RunBenchmarkOptions,
  type RunProgress,
  runBenchmark,
  type StopReason,
} from './run/run-benchmark';
export { type PlannedCellContext, runPlannedCell } from './run/run-planned-cell';
export { startManifest } from './run/start-manifest';
export { type ArmSummary, type ContrastSummary, type RunSummary, summarizeRun } from './run/summarize-run';
export type { FailureTally } from './run/tally-attempts';
export { noReasonGiven } from './run/unresolved-reasons';
export {
  blind,
  blindStrategy,
  continueBest,
  continueBestStrategy,
  continueFromLast,
  continueStrategy,
  fanoutThenRefine,
  fanoutThenRefineStrategy,
  random,
  randomStrategy,
  refine,
  refineStrategy,
} from './strategies/built-in-strategies';
export { bestByChecks, checkScore, scoreOfChecks } from './strategies/choose-by-checks';
export {
  type CellLimits,
  defineStrategy,
  type ShotOptions,
  type Strategy,
  type StrategyContext,
  type StrategyPlan,
} from './strategies/strategy';
