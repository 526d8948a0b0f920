export { BudgetMeter, type BudgetStop, BudgetTooSmallError, type OptimizerBudget } from './budget';
export { type Candidate, type CandidateOrigin, componentsOf } from './candidate';
export {
  builtInObjectives,
  cellObjectives,
  HoldoutReadError,
  type SearchSplit,
  taskObjectives,
} from './evaluation/objective-values';
export {
  type AblationFactor,
  type AblationOptions,
  type AblationResult,
  ablationGrid,
} from './flywheel/ablation-grid';
export { type FlywheelResult, flywheel } from './flywheel/flywheel';
export type { FlywheelArmResult, FlywheelGeneration } from './flywheel/flywheel-generation';
export { FlywheelInterruptedError } from './flywheel/flywheel-interrupted-error';
export { type FlywheelOptions, type FlywheelProgress, generationSeed } from './flywheel/flywheel-options';
export { type FlywheelSlope, type FlywheelVerdict, flywheelVerdict } from './flywheel/flywheel-verdict';
export { type MetaCandidate, type MetaLearnOptions, metaLearn } from './flywheel/meta-learner';
export { GateInterruptedError, type GateOptions, type GateOutcome, gate, IdenticalChampionError } from './gate/gate';
export {
  assertHoldoutUnspent,
  earlierDecision,
  type Holdout,
  HoldoutSpentError,
  holdoutDigest,
  ledgerEntryId,
  nextHoldout,
} from './gate/holdout-ledger';
export { committedOrder, type SequentialGateSettings } from './gate/sequential-decision';
export { type GepaResult, gepa } from './gepa/gepa';
export {
  defaultAcceptance,
  defaultObjectives,
  type GepaOptions,
  type GepaProgress,
  type GepaStop,
  type MergeSettings,
} from './gepa/gepa-options';
export { SearchStateError } from './gepa/search-state';
export { type ImproveOptions, type ImproveResult, improve } from './improve';
export { type CertifiedReadOptions, certifiedExamples, type LearningSource } from './learning/certified-examples';
export { type LearnedController, type LearnOptions, learnFromCorpus } from './learning/learn-from-corpus';
export { controllerFromLibrary, recordLibrary } from './learning/record-library';
export { OptimizerError } from './optimizer-error';
export { type AuthorProposerOptions, authorProposer } from './proposers/author-proposer';
export { certifiedPrograms } from './proposers/certified-programs';
export { findMergePairs, type MergePair } from './proposers/find-merge-pairs';
export { type MergeProposer, mergeProposer } from './proposers/merge-proposer';
export type { TokenPrice } from './proposers/model-call-usage';
export { type ParametricProposerOptions, parametricProposer } from './proposers/parametric-proposer';
export {
  type MergeRequest,
  type MergeResult,
  noProposerUsage,
  type ProposalRequest,
  type ProposalResult,
  type Proposer,
  type ProposerUsage,
  type ReflectiveAttempt,
  type ReflectiveExample,
} from './proposers/proposer';
export { ProposerOptionsError } from './proposers/proposer-options-error';
export { defaultReflectionInstructions } from './proposers/reflective-prompt';
export { type ReflectiveProposerOptions, reflectiveProposer } from './proposers/reflective-proposer';
export { uniformParameters } from './proposers/uniform-parameters';
export { type RandomSearchOptions, type RandomSearchResult, randomSearch } from './random-search';
export { fitLogistic, type LogisticFit } from './replay/learned-stop/fit-logistic';
export {
  type LearnedStopResult,
  type LearnStopOptions,
  learnStopPolicy,
} from './replay/learned-stop/learn-stop-policy';
export {
  continueProbability,
  type LearnedStop,
  learnedStopPolicy,
  learnedStopSchema,
  parseLearnedStop,
} from './replay/learned-stop/learned-stop-model';
export { type StopFeatureName, stopFeatureNames, stopFeatures } from './replay/learned-stop/stop-features';
export type { ThresholdPoint } from './replay/learned-stop/threshold-curve';
export { type LoggedArm, loadLoggedArm } from './replay/logged-arm';
export { doublyRobust, fitRewardModel, type RewardModel } from './replay/off-policy/doubly-robust';
export { effectiveSampleSize, ips, snips, trajectoryWeight } from './replay/off-policy/importance-sampling';
export {
  type LoggedDecision,
  type LoggedTrajectories,
  type LoggedTrajectory,
  loggedTrajectories,
  type TrajectoryQuery,
} from './replay/off-policy/logged-trajectories';
export { OffPolicyError, type OffPolicyProblem } from './replay/off-policy/off-policy-error';
export {
  type OffPolicyEstimate,
  type OffPolicyOptions,
  type OffPolicyValue,
  offPolicyValue,
} from './replay/off-policy/off-policy-value';
export { type DecisionView, type TopologyDecision, topologyDecision } from './replay/off-policy/topology-decision';
export {
  alwaysFanout,
  alwaysRefine,
  fanoutWith,
  restartAfter,
  type TopologyPolicy,
} from './replay/off-policy/topology-policy';
export { topologyControllerId, withTopologyPolicy } from './replay/off-policy/with-topology-policy';
export { type ReplayedCell, replayLogged, replayStop, type StopReplay } from './replay/replay-stop';
export {
  type ReplayView,
  type StopPolicy,
  stopAfter,
  stopOnChecksPass,
  withStopPolicy,
} from './replay/stop-policy';
export type { CandidateScores, ObjectiveSpec, Scalarization, ScoreMatrix, TaskScores } from './score-matrix';
export type { CandidatePlan, SearchFamily } from './search-family';
export {
  type AcceptanceDecision,
  type AcceptanceRule,
  type AcceptanceRuleInput,
  accept,
  acceptanceRuleSchema,
  defaultAcceptanceMargin,
  defaultSignAlpha,
} from './selection/acceptance';
export { hypervolume } from './selection/hypervolume';
export { type InstanceFront, type InstanceFronts, instanceFronts } from './selection/instance-fronts';
export { type CandidatePoint, candidateMeans, candidateParetoFront } from './selection/pareto-front';
export { type ReducedFronts, removeDominated } from './selection/remove-dominated';
export { defaultWeights, meanScalar, pickBest, scalarScore } from './selection/scalarize';
export { parentProbabilities, selectParent } from './selection/select-parent';
export { SelectionError, type SelectionProblem } from './selection/selection-error';
export { type StratifiedSubsample, type Stratum, stratifiedSubsample } from './selection/stratified-subsample';
export { exportTrainingData } from './training-data/export-training-data';
export {
  type Datasheet,
  datasheetSchema,
  type PreferenceExample,
  preferenceExampleSchema,
  type SftExample,
  sftExampleSchema,
  type TrainingAttempt,
  type TrainingExample,
  trainingAttemptSchema,
  trainingDataVersion,
} from './training-data/training-example';
export { type TrainingDataOptions, trainingExamples } from './training-data/training-examples';
