export type { SatWeighting } from './clause-weights';
export { generatePlanted3Sat, type Planted3Sat } from './generate-planted-3sat';
export { mineSatSettings } from './mine-sat-settings';
export {
  type MineSatSettingsOptions,
  mineSatSettingsOptionsSchema,
  rankSatSettings,
  type SatClassRanking,
  type SatSettingsEvidence,
  type SatSettingsExample,
  type SatSettingsRanking,
} from './rank-sat-settings';
export { registerSatSolver } from './register-sat-solver';
export {
  nearSolutionRule,
  restartsNeverImprovedRule,
  resumedWithoutProgressRule,
  satAnalyst,
  satRules,
  stuckRule,
  type WalkSatSummary,
  walkSatSummary,
} from './sat-analyst';
export {
  type SatClassSettings,
  type SatClassSettingsMap,
  satClassSettingsMapSchema,
  satClassSettingsSchema,
} from './sat-class-settings';
export {
  type SatControllerParameters,
  satController,
  satControllerParameters,
  satControllerSchema,
} from './sat-controller';
export {
  type SatEnvironmentOptions,
  type SatHandle,
  satEnvironment,
  unsatisfiedClausesCheck,
} from './sat-environment';
export {
  type SatFamilyOptions,
  type SatFamilyOptionsInput,
  satFamily,
  satOptionsSchema,
} from './sat-family';
export {
  countUnsatisfied,
  parseAssignment,
  type SatAssignment,
  type SatFormula,
  satFormulaSchema,
  toBitString,
} from './sat-formula';
export { type SatInstanceClass, satInstanceClass, satInstanceClasses } from './sat-instance-class';
export { satJudge } from './sat-judge';
export { type SatMinerSettings, satMiner, satMinerSettingsSchema } from './sat-miner';
export { type SatOptionIssue, SatOptionsError } from './sat-options-error';
export {
  defaultSatSearchSettings,
  type SatSearchSettings,
  type SatSteerParameters,
  satSearchSettings,
  satSteerParametersSchema,
} from './sat-search-settings';
export {
  type SatDifficulty,
  type SatInput,
  type SatTasksOptions,
  satMaxVariables,
  satMinVariables,
  satRatio,
  satTasks,
} from './sat-tasks';
export { defaultSatFlips, type SatCheckpoint, type SatWorkerOptions, satWorker } from './sat-worker';
export {
  type SatFocus,
  type SatRestartFrom,
  type SatSolveRequest,
  type SatSolveResult,
  solveSat,
} from './solve-sat';
