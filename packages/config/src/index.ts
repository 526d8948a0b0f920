// biome-ignore-all assist/source/organizeImports: the public API is listed by purpose, one comment per group.

// The config file as written and as validated: the zod schemas are the source of truth for the types.
export { defineConfig, type RatchetConfig, type RatchetConfigInput, ratchetConfigSchema } from './ratchet-config';
export {
  type ArmConfig,
  armNeedsLoading,
  type ControllerChoice,
  controllerChoices,
  type SearchControllerChoice,
  searchControllerChoices,
  isStrategyModule,
  loadedStrategyKey,
  strategyNames,
} from './arm-config';
export type { EnvironmentConfig } from './environment-config';
export type { AnalystConfig, WorkerConfig } from './worker-config';
export type { OptimizeConfig, ProposerConfig } from './optimize-config';
export { type FlywheelConfig, flywheelConfigSchema } from './flywheel-config';
export { type AutoloopConfig, autoloopConfigSchema } from './autoloop-config';

// The config's JSON Schema, for editors (apps/bench/ratchet.config.schema.json is written from it).
export { configJsonSchema } from './config-json-schema';

// Finding and loading a config file and the modules it names, and checking what it needs before anything runs.
export { configFileNames, type LoadedConfig, loadConfig } from './load-config';
export { configuredStore } from './configured-store';
export { loadMinerFamily } from './miner-family';
export { type LoadedStrategy, loadStrategyModules } from './load-strategy-modules';
export { PreflightError, preflight } from './preflight';

// How a command line is shown again, quoted, for resume hints.
export { commandLineOf, shellQuote } from './command-line';

// Errors a command shows as bad usage (exit code 2); ConfigError names every bad field.
export { UsageError } from './usage-error';
export { ConfigError, type ConfigProblem } from './config-error';
export { DatasetRotationError } from './holdout-draws';

// What a config builds for a run: the environment, worker, judge, analyst, arms and controllers; a plan.
export { type BuiltRun, buildRun } from './build-run';
export { strategyPlan } from './strategy-plan';

// What a config builds for `optimize` and `gate`: the search, the proposer, the holdout draws.
export {
  buildSearch,
  type OptimizableConfig,
  requireOptimize,
  type SearchSetup,
  searchFamily,
  splitTasks,
} from './build-search';
export { buildMerge, buildProposer, proposerLabel } from './build-proposer';
export { type ConfiguredSearch, configuredSearch, optimizerBudget } from './search-settings';
export { holdoutDraws } from './holdout-draws';
