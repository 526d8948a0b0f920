export {
  budgetSpentRule,
  dslAnalyst,
  dslRules,
  exhaustedRule,
  failingExamplesRule,
  stallRule,
} from './dsl-analyst';
export {
  createDslController,
  type DslControllerParameters,
  dslController,
  dslControllerParameters,
  dslControllerSchema,
} from './dsl-controller';
export { type DslDomain, domainTarget, dslDomain, dslDomainParameters } from './dsl-domain';
export { type DslHandle, dslEnvironment, visibleExamplesCheck } from './dsl-environment';
export { DslError } from './dsl-error';
export { type DslFamilyOptions, type DslFamilyOptionsInput, dslFamily, dslOptionsSchema } from './dsl-family';
export { dslJudge } from './dsl-judge';
export {
  fragmentProblem,
  type LibraryFragment,
  type LibraryFragmentInput,
  libraryFragmentSchema,
  librarySchema,
  maxLibraryFragments,
} from './dsl-library';
export { type DslMinerSettings, dslMiner, dslMinerSettingsSchema, mineDslLibrary } from './dsl-miner';
export { DslOptionsError } from './dsl-options-error';
export { DslParseError } from './dsl-parse-error';
export {
  compose,
  type DslExpr,
  type DslOperator,
  type DslType,
  type DslValue,
  dslComparisons,
  dslFolds,
  dslFunctionOperators,
  dslOperators,
  dslParityPredicates,
  dslZipOperators,
  printProgram,
  programDepth,
  programSize,
} from './dsl-program';
export {
  type DifficultyLevel,
  type DslExpected,
  type DslTaskInput,
  type DslTaskMetadata,
  difficultyLevels,
  dslExpectedSchema,
  dslTaskInputSchema,
  dslTaskMetadataSchema,
} from './dsl-task-input';
export { type DslTask, type DslTasksOptions, dslSplitOf, dslTask, dslTasks } from './dsl-tasks';
export { type DslWorkerOptions, dslWorker } from './dsl-worker';
export { type ExampleFeature, exampleFeatures, featuresOf, sharedFeatures } from './example-features';
export {
  emptyLibrary,
  type LearnedLibrary,
  learnedLibrarySchema,
  libraryPriors,
  maxLibraryExemplars,
  priorSmoothing,
  relevanceWidth,
} from './learned-library';
export { parseProgram } from './parse-program';
export { registerDslSolver } from './register-dsl-solver';
export { runProgram } from './run-program';
export { scoreProgram } from './score-program';
export {
  defaultSearchParameters,
  dslSearchParameters,
  type SearchParameters,
  type SearchParametersInput,
  searchParametersSchema,
} from './search-parameters';
export type { DslExample, DslSearchState, DslSolveRequest, DslSolveResult } from './search-state';
export { solveDsl } from './solve-dsl';
export { signatureSimilarity, taskSignature, taskSignatureSize } from './task-signature';
