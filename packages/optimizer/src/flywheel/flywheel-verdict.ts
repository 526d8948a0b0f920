import { benjaminiHochberg, generationSlope } from '@ratchet/stats';
import type { FlywheelGeneration } from './flywheel-generation';

/** A slope over generations, with its bootstrap interval, p-value and BH q within the flywheel's family. */
export interface FlywheelSlope {
  readonly estimate: number;
  readonly low: number;
  readonly high: number;
  readonly p: number;
  readonly q: number;
}

export interface FlywheelVerdict {
  readonly slope: {
    readonly learned: FlywheelSlope;
    readonly frozen: FlywheelSlope;
    readonly difference: FlywheelSlope;
  };
  /**
   * BH q of each generation's learned − frozen difference, in generation order (one family with the
   * slopes); null for generation 0, where both arms run the baseline.
   */
  readonly generationQ: ReadonlyArray<number | null>;
  /** Whether the flywheel turned: the learned slope above 0, the frozen one not, the difference surviving BH. */
  readonly turned: boolean;
  readonly sentence: string;
}

/** Points with one decimal; a value that rounds to zero is 0.0, never -0.0. */
const points = (value: number) => {
  const text = (value * 100).toFixed(1);
  return text === '-0.0' ? '0.0' : text;
};
const interval = (s: FlywheelSlope) =>
  `${points(s.estimate)} points a generation [${points(s.low)}, ${points(s.high)}]`;

/**
 * The flywheel's verdict from its generations. Each arm's slope is the least-squares slope of its
 * evaluation outcomes over generations, and the difference is the slope of the per-task paired differences,
 * each with a bootstrap interval that resamples tasks within generations (`generationSlope`). The three
 * slopes and every generation's difference are one family for Benjamini–Hochberg. "The flywheel turned"
 * only when the learned slope's interval is above 0, the frozen slope's interval contains 0, and the
 * difference's q is below `alpha`; anything else is reported as what it is.
 */
export function flywheelVerdict(
  generations: readonly FlywheelGeneration[],
  options: { readonly seed: string | number; readonly resamples?: number; readonly alpha?: number },
): FlywheelVerdict {
  const alpha = options.alpha ?? 0.05;
  const settings = (name: string) => ({
    seed: `${options.seed}/slope/${name}`,
    resamples: options.resamples ?? 10_000,
  });
  const slopeOf = (name: string, value: (o: FlywheelGeneration['outcomes'][number]) => number) =>
    generationSlope(
      generations.flatMap((g) => g.outcomes.map((o) => ({ generation: g.generation, value: value(o) }))),
      settings(name),
    );
  const raw = {
    learned: slopeOf('learned', (o) => o.learned),
    frozen: slopeOf('frozen', (o) => o.frozen),
    difference: slopeOf('difference', (o) => o.learned - o.frozen),
  };
  const later = generations.filter((g) => g.generation > 0);
  const q = benjaminiHochberg([
    raw.learned.pValue,
    raw.frozen.pValue,
    raw.difference.pValue,
    ...later.map((g) => g.difference.p),
  ]);
  const slope = (result: typeof raw.learned, index: number): FlywheelSlope => ({
    estimate: result.estimate,
    low: result.low,
    high: result.high,
    p: result.pValue,
    q: q[index] as number,
  });
  const learned = slope(raw.learned, 0);
  const frozen = slope(raw.frozen, 1);
  const difference = slope(raw.difference, 2);
  const turned = learned.low > 0 && frozen.low <= 0 && frozen.high >= 0 && difference.low > 0 && difference.q < alpha;
  const sentence = turned
    ? `The flywheel turned: the learned controller's success rose ${interval(learned)} while the frozen one's stayed flat (${interval(frozen)}); the difference, ${interval(difference)}, survives BH (q ${difference.q.toPrecision(2)}).`
    : `The flywheel did not turn: learned ${interval(learned)}, frozen ${interval(frozen)}, difference ${interval(difference)} (q ${difference.q.toPrecision(2)}); ${
        learned.low <= 0
          ? "the learned slope's interval is not above 0"
          : !(frozen.low <= 0 && frozen.high >= 0)
            ? "the frozen slope's interval excludes 0, so the draws drift"
            : 'the difference does not survive BH'
      }.`;
  return {
    slope: { learned, frozen, difference },
    generationQ: generations.map((g) => (g.generation === 0 ? null : (q[3 + later.indexOf(g)] as number))),
    turned,
    sentence,
  };
}
