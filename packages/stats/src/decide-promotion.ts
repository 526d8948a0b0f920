import { type AlignedOutcomes, alignOutcomes, type TaskOutcomes } from './align-outcomes';
import { minimumResamples } from './bootstrap-options';
import { decideSequentially, type SequentialSettings, type SequentialTrace } from './decide-sequentially';
import { expandedConfidence, unexpandPValue } from './expanded-confidence';
import { InvalidInputError } from './invalid-input-error';
import { pairedBootstrap } from './paired-bootstrap';
import { pairedLiftInterval } from './paired-lift-interval';
import { exactTestFloor } from './promotion-floor';
import type { Seed } from './rng';
import { signTest } from './sign-test';
import { assertCount, assertProbability } from './validate';

export interface PromotionInput {
  /** The champion's outcome per holdout task. */
  incumbent: TaskOutcomes;
  /** The candidate's outcome per holdout task; `null` where it failed to run (it loses that task). */
  candidate: TaskOutcomes;
  /** The frozen holdout: every task the decision is taken on, each once. */
  taskIds: readonly string[];
  /** The lift the interval's lower bound must exceed, default 0. */
  threshold?: number;
  /** Fewest paired tasks to decide on, default 6; never below `exactTestFloor(confidence)`. */
  minPairs?: number;
  confidence?: number;
  /**
   * Bootstrap resamples, default 10,000; raised to the fewest that can read the expanded level (e.g.
   * 411 at 6 pairs and 95%) when that is more.
   */
  resamples?: number;
  seed: Seed;
  /** Content hashes of the two controllers: equal hashes are refused before any statistics. */
  incumbentHash?: string;
  candidateHash?: string;
  /** Score given to a candidate `null`, default 0 (the worst pass/fail score). */
  failureScore?: number;
  /**
   * Decide sequentially instead: `taskIds` is the pre-committed order, and the decision stops at the
   * first item where the e-value reaches 1/α, or the lift's upper confidence bound falls below
   * threshold + minEffect, or the cap. Absent: the fixed-n decision on every task.
   */
  sequential?: SequentialSettings;
}

/**
 * Why the decision went as it did. `futile` and `undecided` come only from the sequential gate: it
 * stopped for futility, or no stopping rule has fired yet in the items given (evaluate more).
 */
export type PromotionReason =
  | 'identical-champion'
  | 'few-pairs'
  | 'no-margin'
  | 'vetoed'
  | 'futile'
  | 'undecided'
  | 'promoted';

export interface PromotionDecision {
  promoted: boolean;
  reason: PromotionReason;
  /** One sentence saying why, for logs and reports. */
  explanation: string;
  /** Paired tasks decided on (after exclusions). */
  n: number;
  /** The evidence floor that applied: max(minPairs, exactTestFloor(confidence)). */
  minPairs: number;
  /** Mean lift of candidate over incumbent with its interval; null where it cannot be computed. */
  lift: { estimate: number | null; low: number | null; high: number | null };
  /**
   * Two-sided p-value of the test that decided (McNemar exact or the bootstrap); for the sequential gate
   * the one-sided anytime-valid p-value min(1, 1/max e-value); null if none ran.
   */
  pValue: number | null;
  test: 'exact' | 'bootstrap' | 'e-process' | 'none';
  /**
   * The veto: the exact sign test on the paired differences (for pass/fail outcomes this is McNemar's
   * exact test). Wins and losses count tasks where the candidate did better or worse; null if none ran.
   */
  veto: { test: 'mcnemar-exact' | 'sign'; wins: number; losses: number; pValue: number } | null;
  candidateFailures: string[];
  excluded: string[];
  threshold: number;
  confidence: number;
  seed: string;
  /** The sequential gate's trace (items spent, why it stopped, the e-value path); absent for the fixed-n decision. */
  sequential?: SequentialTrace;
}

/** Below this many pairs, pass/fail outcomes are decided by the exact test, not the bootstrap. */
const exactBelow = 20;

/**
 * Decides once, on a frozen holdout, whether a candidate controller replaces the incumbent. Promotes
 * only if: the controllers differ; there are enough paired tasks; the interval for the lift has
 * non-zero width and its lower bound is above `threshold`; and the exact sign test on the paired
 * differences agrees (McNemar's exact test, for pass/fail outcomes) — the veto. Pass/fail outcomes
 * below 20 pairs use Tango's score interval for p₀₁ − p₁₀ (`pairedLiftInterval`), which covers the
 * lift near the nominal level at small n but is not exact, so the exact test still decides; otherwise
 * a seeded paired percentile bootstrap, read at Hesterberg's expanded level so it is not too narrow at
 * small n. Promotion is one-sided: under no effect it promotes at most (1 − confidence)/2 of the time
 * (the veto guarantees it).
 *
 * With `sequential`, the outcomes are read one item at a time in the order of `taskIds` (committed
 * before any was evaluated) and the decision stops early: see `decideSequentially` — an anytime-valid
 * e-process promotes (Ville's inequality), a betting confidence sequence stops for futility, and the
 * result carries `sequential.itemsSpent`, `sequential.stoppedBy` and the e-value path.
 *
 * @throws {UnpairedDataError} when outcomes do not pair (duplicate ids, missing tasks, NaN).
 * @throws {InvalidInputError} for invalid settings or an empty holdout.
 * @example
 * // 12 holdout tasks: the candidate newly passes 8, newly fails 1.
 * decidePromotion({ incumbent, candidate, taskIds, seed: 1 });
 * // => { promoted: true, reason: 'promoted', n: 12, lift: { estimate: 0.583, low: 0.103, high: 0.830 },
 * //      pValue: 0.039, test: 'exact', veto: { test: 'mcnemar-exact', wins: 8, losses: 1, … }, … }
 */
export function decidePromotion(input: PromotionInput): PromotionDecision {
  const fn = 'decidePromotion';
  const threshold = input.threshold ?? 0;
  const confidence = input.confidence ?? 0.95;
  const resamples = input.resamples ?? 10_000;
  assertProbability(fn, 'confidence', confidence, true);
  assertCount(fn, 'minPairs', input.minPairs ?? 6, 1);
  assertCount(fn, 'resamples', resamples, 1);
  for (const [parameter, value] of [
    ['threshold', threshold],
    ['failureScore', input.failureScore ?? 0],
  ] as const) {
    if (!Number.isFinite(value)) {
      throw new InvalidInputError({ functionName: fn, parameter, problem: `must be finite, received ${value}` });
    }
  }
  if (input.seed === undefined) {
    throw new InvalidInputError({
      functionName: fn,
      parameter: 'seed',
      problem: 'is required so the decision can be reproduced',
    });
  }
  const aligned = alignOutcomes(fn, input.incumbent, input.candidate, input.taskIds, input.failureScore ?? 0);
  const n = aligned.taskIds.length;
  const floor = Math.max(input.minPairs ?? 6, exactTestFloor(confidence));
  const base = {
    n,
    minPairs: floor,
    candidateFailures: aligned.candidateFailures,
    excluded: aligned.excluded,
    threshold,
    confidence,
    seed: String(input.seed),
  };
  const refuse = (reason: PromotionReason, explanation: string, rest: Partial<PromotionDecision> = {}) => ({
    promoted: false,
    reason,
    explanation,
    lift: { estimate: null, low: null, high: null },
    pValue: null,
    test: 'none' as const,
    veto: null,
    ...base,
    ...rest,
  });

  if (input.incumbentHash !== undefined && input.incumbentHash === input.candidateHash) {
    return refuse('identical-champion', `the candidate has the incumbent's hash (${input.incumbentHash})`);
  }
  if (input.sequential !== undefined) {
    return decideSequentially({
      settings: input.sequential,
      aligned,
      taskIds: input.taskIds,
      threshold,
      confidence,
      floor,
      seed: base.seed,
    });
  }
  const binary = isBinary(aligned);
  if (n > 0 && aligned.candidate.every((value, i) => value === aligned.incumbent[i])) {
    // Equal pass/fail outcomes still bound the lift (no discordant pair in n); equal graded scores do not.
    const interval = binary ? pairedLiftInterval(0, 0, n, confidence) : { low: null, high: null };
    return refuse('identical-champion', `the candidate's outcomes equal the incumbent's on all ${n} tasks`, {
      lift: { estimate: 0, low: interval.low, high: interval.high },
      pValue: 1,
    });
  }
  // Below the floor a bootstrap read at the expanded level would need millions of resamples, and the
  // decision is refused anyway: report the estimate alone.
  const measurable = n >= 2 && ((binary && n < exactBelow) || n >= floor);
  const evidence = measurable ? measureLift(aligned, binary, confidence, resamples, input.seed) : null;
  const lift = evidence?.lift ?? { estimate: n >= 1 ? liftOf(aligned) : null, low: null, high: null };
  const measured: Pick<PromotionDecision, 'lift' | 'pValue' | 'test' | 'veto'> = {
    lift,
    pValue: evidence?.pValue ?? null,
    test: evidence?.test ?? 'none',
    veto: evidence?.veto ?? null,
  };
  if (n < floor || evidence === null) {
    return refuse('few-pairs', `${n} paired tasks is below the evidence floor of ${floor}`, measured);
  }
  const { low, high } = evidence.lift;
  if (high - low <= 0) {
    return refuse('no-margin', 'the interval for the lift has zero width, so it measures no uncertainty', measured);
  }
  if (low <= threshold) {
    return refuse(
      'no-margin',
      `the lift's lower bound ${low.toFixed(4)} is not above the threshold ${threshold}`,
      measured,
    );
  }
  const veto = evidence.veto;
  if (veto.pValue >= 1 - confidence || veto.wins <= veto.losses) {
    const name = veto.test === 'mcnemar-exact' ? "McNemar's exact test" : 'the exact sign test';
    return refuse(
      'vetoed',
      `${name} does not confirm the lift (wins ${veto.wins}, losses ${veto.losses}, p = ${veto.pValue.toPrecision(3)})`,
      measured,
    );
  }
  return {
    promoted: true,
    reason: 'promoted',
    explanation: `lift ${evidence.lift.estimate.toFixed(4)} with lower bound ${low.toFixed(4)} above ${threshold} on ${n} tasks`,
    ...base,
    ...measured,
  };
}

function liftOf(aligned: AlignedOutcomes): number {
  let sum = 0;
  for (let i = 0; i < aligned.taskIds.length; i++)
    sum += (aligned.candidate[i] as number) - (aligned.incumbent[i] as number);
  return sum / aligned.taskIds.length;
}

function isBinary(aligned: AlignedOutcomes): boolean {
  return [...aligned.incumbent, ...aligned.candidate].every((value) => value === 0 || value === 1);
}

function measureLift(aligned: AlignedOutcomes, binary: boolean, confidence: number, resamples: number, seed: Seed) {
  const { incumbent, candidate } = aligned;
  const n = incumbent.length;
  const differences = candidate.map((value, i) => value - (incumbent[i] as number));
  const signs = signTest(differences);
  const veto = {
    test: binary ? ('mcnemar-exact' as const) : ('sign' as const),
    wins: signs.positives,
    losses: signs.negatives,
    pValue: signs.pValue,
  };
  const exact = () => ({
    lift: pairedLiftInterval(veto.losses, veto.wins, n, confidence),
    pValue: veto.pValue,
    test: 'exact' as const,
    veto,
  });
  if (binary && n < exactBelow) return exact();
  // Read the bootstrap at the expanded level so small-n intervals are not too narrow.
  const level = expandedConfidence(confidence, n);
  const boot = pairedBootstrap(incumbent, candidate, {
    resamples: Math.max(resamples, minimumResamples(level)),
    confidence: level,
    seed,
  });
  // A bootstrap over identical differences collapses to a point; pass/fail data then has a score interval.
  if (binary && boot.high - boot.low <= 0) return exact();
  return {
    lift: { estimate: boot.estimate, low: boot.low, high: boot.high },
    pValue: unexpandPValue(boot.pValue, n),
    test: 'bootstrap' as const,
    veto,
  };
}
