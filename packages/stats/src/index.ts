export type { TaskOutcomes } from './align-outcomes';
export { benjaminiHochberg } from './benjamini-hochberg';
export { type BettingConfidenceSequence, bettingConfidenceSequence } from './betting-confidence-sequence';
export { binomialTest } from './binomial-test';
export type { BootstrapMethod } from './bootstrap-bounds';
export { type BootstrapIntervalOptions, bootstrapInterval } from './bootstrap-interval';
export type { BootstrapResult, BootstrapSettings } from './bootstrap-options';
export { clopperPearsonInterval } from './clopper-pearson-interval';
export { type ClusterLabels, clusteredStandardError } from './clustered-standard-error';
export {
  decidePromotion,
  type PromotionDecision,
  type PromotionInput,
  type PromotionReason,
} from './decide-promotion';
export type { SequentialSettings, SequentialTrace, StoppedBy } from './decide-sequentially';
export { discordantMixtureEValue } from './discordant-mixture-e-value';
export { type DiscordantPairEProcess, discordantPairEProcess } from './discordant-pair-e-process';
export { type GenerationPoint, generationSlope } from './generation-slope';
export { type HedgedCapitalWealth, hedgedCapitalWealth } from './hedged-capital-wealth';
export { holm } from './holm';
export { InvalidInputError } from './invalid-input-error';
export { type McNemarResult, mcnemarExact } from './mcnemar-exact';
export { mcnemarExactPower } from './mcnemar-power';
export {
  type DetectableEffect,
  type MinimumDetectableEffectInput,
  minimumDetectableEffect,
} from './minimum-detectable-effect';
export { noncentralTCdf } from './noncentral-t-cdf';
export { normalCdf } from './normal-cdf';
export { normalQuantile } from './normal-quantile';
export { type PairedBinaryContrast, pairedBinaryContrast } from './paired-binary-contrast';
export { type PairedBootstrapOptions, pairedBootstrap } from './paired-bootstrap';
export { type LiftInterval, pairedLiftInterval } from './paired-lift-interval';
export { type PairedSummary, pairedSummary } from './paired-summary';
export { pairedTTestPower } from './paired-t-test-power';
export { exactTestFloor } from './promotion-floor';
export type { ProportionInterval } from './proportion-interval';
export {
  type McNemarDesign,
  type PairedMeanDesign,
  requiredSampleSize,
  type SampleSizePlan,
} from './required-sample-size';
export { createRng, type Rng, type Seed } from './rng';
export type { SampleStatistic } from './sample-statistic';
export { type SignTestResult, signTest } from './sign-test';
export { standardError } from './standard-error';
export { StatsError } from './stats-error';
export { UnpairedDataError } from './unpaired-data-error';
export type { Alternative, NumericArray } from './validate';
export { wilsonInterval } from './wilson-interval';
