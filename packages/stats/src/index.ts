export { StatsError } from './stats-error';
export { InvalidInputError } from './invalid-input-error';
export { UnpairedDataError } from './unpaired-data-error';
export type { Alternative, NumericArray } from './validate';

export { createRng, type Rng, type Seed } from './rng';

export { normalCdf } from './normal-cdf';
export { normalQuantile } from './normal-quantile';

export { binomialTest } from './binomial-test';
export { mcnemarExact, type McNemarResult } from './mcnemar-exact';
export { signTest, type SignTestResult } from './sign-test';

export { benjaminiHochberg } from './benjamini-hochberg';
export { holm } from './holm';

export type { ProportionInterval } from './proportion-interval';
export { wilsonInterval } from './wilson-interval';
export { clopperPearsonInterval } from './clopper-pearson-interval';
export { exactLiftInterval, type LiftInterval } from './exact-lift-interval';

export { standardError } from './standard-error';
export { clusteredStandardError, type ClusterLabels } from './clustered-standard-error';
export { pairedSummary, type PairedSummary } from './paired-summary';

export type { BootstrapMethod } from './bootstrap-bounds';
export type { BootstrapResult, BootstrapSettings } from './bootstrap-options';
export type { SampleStatistic } from './sample-statistic';
export { bootstrapInterval, type BootstrapIntervalOptions } from './bootstrap-interval';
export { pairedBootstrap, type PairedBootstrapOptions } from './paired-bootstrap';

export { mcnemarExactPower } from './mcnemar-power';
export {
  requiredSampleSize,
  type McNemarDesign,
  type PairedMeanDesign,
  type SampleSizePlan,
} from './required-sample-size';
export {
  minimumDetectableEffect,
  type DetectableEffect,
  type MinimumDetectableEffectInput,
} from './minimum-detectable-effect';

export type { TaskOutcomes } from './align-outcomes';
export { exactTestFloor } from './promotion-floor';
export {
  decidePromotion,
  type PromotionDecision,
  type PromotionInput,
  type PromotionReason,
} from './decide-promotion';
