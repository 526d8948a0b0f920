export { authorPrompt, revisionPrompt } from './authoring/author-prompt';
export { authorStrategy } from './authoring/author-strategy';
export type {
  AuthoringDraft,
  AuthoringExample,
  AuthoringResult,
  AuthoringUsage,
  AuthorStrategyOptions,
  SmokeResult,
} from './authoring/authoring-types';
export { type ProgramBlock, programBlock } from './authoring/program-block';
export { type SmokeRunnerOptions, smokeRunner } from './authoring/smoke-runner';
export { compileProgram } from './compile-program';
export { InvalidLimitsError } from './invalid-limits-error';
export { ProgramCompileError } from './program-compile-error';
export { maxProgramChars, programController, programOf, programPlan } from './program-controller';
export { programHash } from './program-hash';
export { programStrategy } from './program-strategy';
export { builtInProgramSources } from './programs/built-in-programs';
export { SandboxError } from './sandbox-error';
export { defaultSandboxLimits, type SandboxLimits } from './sandbox-limits';
export { strategyApiReference } from './strategy-api-reference';
export type { StrategyProgram } from './strategy-program';
