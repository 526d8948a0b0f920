import type { Rng } from '@ratchet/stats';
import type { NumberSpace } from './parameter-space';
import { standardNormal } from './standard-normal';

/** Significant digits a stepped float keeps: parameters stay readable in reports and notes. */
const significantDigits = 6;

/** Folds `x` back into [lo, hi] as a mirror would, so steps near a bound are not piled onto it. */
export function reflect(x: number, lo: number | undefined, hi: number | undefined): number {
  if (lo !== undefined && hi !== undefined) {
    if (hi <= lo) return lo;
    const width = hi - lo;
    const folded = (((x - lo) % (2 * width)) + 2 * width) % (2 * width);
    return lo + (folded > width ? 2 * width - folded : folded);
  }
  if (lo !== undefined && x < lo) return 2 * lo - x;
  if (hi !== undefined && x > hi) return 2 * hi - x;
  return x;
}

/**
 * Whether steps are taken on a log scale: the range is positive and spans at least two orders of
 * magnitude, or is open at 0 or unbounded above (a multiplier, a prior, a restart interval).
 */
export function isLogScaled(space: NumberSpace): boolean {
  const { lo, hi } = space;
  if (lo === undefined || lo < 0 || (lo === 0 && !space.loOpen)) return false;
  return lo === 0 || hi === undefined || hi / lo >= 100;
}

/** The value a fresh entry starts from before its first step: the middle of the range, or 1 (neutral for a multiplier). */
function anchorOf(space: NumberSpace): number {
  const { lo, hi } = space;
  if (lo !== undefined && hi !== undefined && (lo > 0 || !isLogScaled(space))) {
    return isLogScaled(space) ? Math.sqrt(lo * hi) : (lo + hi) / 2;
  }
  if (inRange(1, space)) return 1;
  if (lo !== undefined) return lo + 1;
  if (hi !== undefined) return hi - 1;
  return 0;
}

function inRange(x: number, { lo, hi, loOpen, hiOpen }: NumberSpace): boolean {
  const aboveLo = lo === undefined || (loOpen ? x > lo : x >= lo);
  const belowHi = hi === undefined || (hiOpen ? x < hi : x <= hi);
  return aboveLo && belowHi;
}

/** Puts a drawn value on the space's grid (integers, `multipleOf`) and strictly inside open bounds. */
function settle(x: number, from: number, space: NumberSpace, direction: number): number {
  const { lo, hi } = space;
  if (space.integer || space.multipleOf !== undefined) {
    const unit = space.integer ? Math.max(1, Math.ceil(space.multipleOf ?? 1)) : (space.multipleOf as number);
    const first =
      lo === undefined ? undefined : (space.loOpen ? Math.floor(lo / unit) + 1 : Math.ceil(lo / unit)) * unit;
    const last =
      hi === undefined ? undefined : (space.hiOpen ? Math.ceil(hi / unit) - 1 : Math.floor(hi / unit)) * unit;
    const clamp = (y: number) => Math.min(last ?? y, Math.max(first ?? y, y));
    let y = clamp(Math.round(x / unit) * unit);
    // A step that rounds back onto the parent moves one grid point instead, so small ranges still move.
    if (y === from) y = clamp(from + (direction >= 0 ? unit : -unit));
    if (y === from) y = clamp(from - (direction >= 0 ? unit : -unit));
    return Number(y.toPrecision(15));
  }
  let y = Number(x.toPrecision(significantDigits));
  if (lo !== undefined && (space.loOpen ? y <= lo : y < lo)) y = space.loOpen ? (lo + from) / 2 : lo;
  if (hi !== undefined && (space.hiOpen ? y >= hi : y > hi)) y = space.hiOpen ? (hi + from) / 2 : hi;
  return y;
}

/**
 * One Gaussian step of a number within its bounds. The step's standard deviation is `stepScale` times
 * the range (its log range when log-scaled; one decade, or |value| when linear, where a side is
 * unbounded); the result is reflected into the range, rounded onto the grid, and moved one grid point
 * when an integer step would round back onto `value`.
 *
 * @example
 * stepNumber(3, { integer: true, lo: 1, hi: 8, loOpen: false, hiOpen: false, multipleOf: undefined }, 0.2, rng); // => 2..8, never 3
 */
export function stepNumber(value: number, space: NumberSpace, stepScale: number, random: Rng): number {
  const z = standardNormal(random);
  const { lo, hi } = space;
  if (isLogScaled(space) && value > 0) {
    const logLo = lo !== undefined && lo > 0 ? Math.log(lo) : undefined;
    const logHi = hi === undefined ? undefined : Math.log(hi);
    const width = logLo !== undefined && logHi !== undefined ? logHi - logLo : Math.LN10;
    return settle(Math.exp(reflect(Math.log(value) + stepScale * width * z, logLo, logHi)), value, space, z);
  }
  const width = lo !== undefined && hi !== undefined ? hi - lo : Math.max(Math.abs(value), 1);
  return settle(reflect(value + stepScale * width * z, lo, hi), value, space, z);
}

/** A new value for an entry that had none: one step from the middle of the range (or from 1). */
export function freshNumber(space: NumberSpace, stepScale: number, random: Rng): number {
  const anchor = anchorOf(space);
  const start = space.integer ? Math.round(anchor) : anchor;
  return stepNumber(start, space, stepScale, random);
}

/** Whether a step can move `value` at all (false for a range of one point). */
export function canStepNumber(value: number, space: NumberSpace): boolean {
  return space.lo === undefined || space.hi === undefined || space.hi > space.lo || !inRange(value, space);
}
