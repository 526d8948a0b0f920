import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '@ratchet/corpus';
import { z } from 'zod';
import { OptimizerError } from '../../optimizer-error';
import { type StopPolicy, stopOnChecksPass } from '../stop-policy';
import { sigmoid } from './fit-logistic';
import { type StopFeatureName, stopFeatureNames, stopFeatures } from './stop-features';

const finite = z.number().finite();
const weightsShape = Object.fromEntries(stopFeatureNames.map((name) => [name, finite])) as Record<
  StopFeatureName,
  typeof finite
>;

/** Which cells a learned stop policy was learned from. */
export const learnedStopProvenanceSchema = z.strictObject({
  splits: z.array(z.enum(['train', 'val'])),
  runs: z.array(
    z.strictObject({
      runId: z.string(),
      armId: z.string(),
      benchmark: z.string(),
      k: z.number().int().positive(),
      cellIds: z.array(z.string()),
    }),
  ),
  /** Per benchmark: decision points, how many were followed by a gain, and the spend unit of the objective. */
  benchmarks: z.array(
    z.strictObject({
      benchmark: z.string(),
      cells: z.number().int().nonnegative(),
      decisionPoints: z.number().int().nonnegative(),
      positives: z.number().int().nonnegative(),
      unjudged: z.number().int().nonnegative(),
      spendUnit: z.enum(['workUnits', 'usd', 'attempts']),
      /** The median spend of one attempt in that unit: one attempt-equivalent. */
      attemptEquivalent: z.number().positive(),
    }),
  ),
});

/**
 * A learned stop policy as plain JSON, to store and reload. The model: p = σ(intercept + Σ weight ×
 * feature) estimates the chance that going on (to the strategy's k, or to a check pass) turns an
 * unsolved cell into a solved one; the policy stops once every check passes, or once p < threshold.
 * `cost` is λ of the objective the threshold maximised on the training replay: success − λ × spend in
 * attempt-equivalents.
 */
export const learnedStopSchema = z.strictObject({
  kind: z.literal('learned-stop'),
  version: z.literal(1),
  intercept: finite,
  weights: z.strictObject(weightsShape),
  threshold: z.number().min(0).max(1),
  cost: z.number().nonnegative(),
  ridge: z.number().nonnegative(),
  /** The training replay at the chosen threshold, averaged over benchmarks with equal weight. */
  training: z.strictObject({ success: finite, spend: finite, objective: finite }),
  provenance: learnedStopProvenanceSchema,
});
export type LearnedStop = z.infer<typeof learnedStopSchema>;

/** The model's estimate, for a history, that going on turns the cell into a success. */
export function continueProbability(
  model: Pick<LearnedStop, 'intercept' | 'weights'>,
  features: Record<StopFeatureName, number>,
): number {
  let z = model.intercept;
  for (const name of stopFeatureNames) z += model.weights[name] * features[name];
  return sigmoid(z);
}

/**
 * The stop policy a learned model defines: stop when every check of the last attempt passes, or when
 * the model's estimate that going on pays is below the threshold. It reads replay views only. Its id
 * hashes the intercept, weights and threshold, so a reloaded model is the same policy.
 */
export function learnedStopPolicy(model: Pick<LearnedStop, 'intercept' | 'weights' | 'threshold'>): StopPolicy {
  const identity = { intercept: model.intercept, weights: model.weights, threshold: model.threshold };
  const hash = createHash('sha256')
    .update(canonicalJson(identity as unknown as JsonValue))
    .digest('hex')
    .slice(0, 16);
  return {
    id: `learned-stop-${hash}`,
    stop(history) {
      if (stopOnChecksPass.stop(history)) return true;
      return continueProbability(model, stopFeatures(history)) < model.threshold;
    },
  };
}

/**
 * Reads a stored learned stop policy.
 *
 * @throws {OptimizerError} naming each field that does not fit `learnedStopSchema`.
 */
export function parseLearnedStop(json: unknown): LearnedStop {
  const parsed = learnedStopSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new OptimizerError(
      `not a learned stop policy (kind "learned-stop", version 1): ${issues.slice(0, 5).join('; ')}. Store the \`model\` learnStopPolicy returned, as JSON.`,
    );
  }
  return parsed.data;
}
