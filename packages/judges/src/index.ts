export type { CapturedOutput } from './capped-output';
export type { Check, CheckContext } from './check';
export { type ClockCheckOptions, clockCheck } from './clock-check';
export { type CommandJudgeOptions, commandJudge, commandJudgeOptionsSchema } from './command-judge';
export type { ObjectiveComparison, ScoreVector } from './compare-objective';
export { type CostMeterCheckOptions, costMeterCheck } from './cost-meter-check';
export { correctObjective, createVerdict, type VerdictParts } from './create-verdict';
export { dominates } from './dominates';
export { type ExactMatchJudgeOptions, exactMatchJudge, exactMatchJudgeOptionsSchema } from './exact-match-judge';
export { type IncomparableProblem, IncomparableScoresError } from './incomparable-scores-error';
export { InvalidExpectedError } from './invalid-expected-error';
export { InvalidOptionsError, type OptionIssue } from './invalid-options-error';
export type { Judge, JudgeContext, JudgeTask } from './judge';
export { JudgeError } from './judge-error';
export { JudgeInfraError, type JudgeInfraReason } from './judge-infra-error';
export {
  type LlmJudgeOptions,
  type LlmJudgment,
  llmJudge,
  llmJudgmentSchema,
  type ScoringFunction,
} from './llm-judge';
export {
  type ItemStability,
  type JudgeStability,
  measureJudgeStability,
  type StabilityOptions,
  type StabilitySample,
} from './measure-judge-stability';
export { type NormalizeTextOptions, normalizeText } from './normalize-text';
export { type NumericJudgeOptions, numericJudge, numericJudgeOptionsSchema } from './numeric-judge';
export { measureOverlap, type Overlap, type OverlapJudgeOptions, overlapJudge } from './overlap-judge';
export { paretoFront } from './pareto-front';
export { type PatternScanCheckOptions, patternScanCheck } from './pattern-scan-check';
export { type RegexJudgeOptions, regexJudge } from './regex-judge';
export { type CommandRun, type CommandTermination, type RunCommandOptions, runCommand } from './run-command';
export type { TestReport, TestRunReason } from './run-tests';
export { defaultScanRules, type ScanFinding, type ScanFindingKind, type ScanRule, scanText } from './scan-text';
export { type SchemaJudgeOptions, schemaJudge } from './schema-judge';
export type { TestCounts } from './test-counts';
export { usageObjectives } from './usage-objectives';
export { type VisibleTestsCheckOptions, visibleTestsCheck } from './visible-tests-check';
