/**
 * The part of a Binomial(trials, p) CDF table that inversion can reach, and the two answers outside it.
 * `binomialCdfTable` stores trials + 1 entries; at a million trials that is 8 MB per table, though all
 * but a few thousand entries are 0 (masses that underflow), below 2⁻⁵⁴ (no uniform draw but 0 is that
 * small) or equal to the table's last value before the closing 1. This keeps only the entries in
 * between, computed by the same floating-point operations in the same order, so inverting the window
 * gives exactly the draw inverting the full table gives, for every u in [0, 1).
 */
export interface BinomialCdfWindow {
  /** Index of `cdf[0]` in the full table. */
  offset: number;
  /** Full-table entries offset … offset + cdf.length − 1. */
  cdf: Float64Array;
  /** The draw for u = 0: the first index whose entry is above 0. */
  zeroDraw: number;
  /** The draw for u at or above the last stored entry: `trials`, where the table closes at 1. */
  trials: number;
}

/** Entries at or below this are passed by every positive uniform draw (a multiple of 2⁻⁵³). */
const belowEveryDraw = 2 ** -54;
/** Masses above the mode smaller than this change no sum of the table (see below). */
const negligibleAboveMode = 2 ** -60;

/**
 * Builds the window in time proportional to the masses that do not underflow (about 77 standard
 * deviations wide), not to `trials`. See `binomialCdfTable` for the recurrence.
 * @example
 * const window = binomialCdfWindow(1_000_000, 0.3);
 * window.cdf.length; // => a few thousand entries, where the full table has 1,000,001
 */
export function binomialCdfWindow(trials: number, p: number): BinomialCdfWindow {
  if (trials === 0 || p <= 0 || p >= 1) {
    // The full table is all 1 (p ≤ 0, or no trials) or 0 … 0, 1 (p ≥ 1): one draw for every u.
    const draw = p >= 1 ? trials : 0;
    return { offset: draw, cdf: Float64Array.of(1), zeroDraw: draw, trials };
  }
  const mode = Math.min(trials, Math.floor((trials + 1) * p));
  const odds = p / (1 - p);
  // Unnormalised masses from the mode outward, exactly as binomialCdfTable computes them. Below the
  // mode they go on until they reach 0 (after that the table adds only zeros). Above the mode they
  // stop below 2⁻⁶⁰: the sums they join are by then at least 1 (the total) and 1/total (the running
  // sum), so each such mass is under half an ulp of both and changes neither, and every entry after
  // equals the last one kept.
  const above: number[] = [];
  let mass = 1;
  for (let j = mode; j < trials && mass >= negligibleAboveMode; j++) {
    mass = (mass * (trials - j) * odds) / (j + 1);
    if (mass >= negligibleAboveMode) above.push(mass);
  }
  const below: number[] = [];
  mass = 1;
  for (let j = mode; j > 0 && mass !== 0; j--) {
    mass = (mass * j) / ((trials - j + 1) * odds);
    if (mass !== 0) below.push(mass);
  }
  const first = mode - below.length;
  const masses = new Float64Array(below.length + 1 + above.length);
  for (let i = 0; i < below.length; i++) masses[i] = below[below.length - 1 - i] as number;
  masses[below.length] = 1;
  masses.set(above, below.length + 1);
  let total = 0;
  for (const value of masses) total += value;
  // The running sums of the full table over the non-zero masses (before them it is 0, after them constant).
  let running = 0;
  let zeroDraw = -1;
  for (let i = 0; i < masses.length; i++) {
    running += (masses[i] as number) / total;
    masses[i] = running;
    if (zeroDraw < 0 && running > 0) zeroDraw = first + i;
  }
  // The table's last entry before the closing 1 is masses' last running sum (or, if the masses end at
  // `trials`, the one before it). Entries equal to it need no storing: u at or above it draws `trials`.
  const lastBeforeClose = first + masses.length - 1 === trials ? masses.length - 2 : masses.length - 1;
  if (lastBeforeClose < 0) return { offset: trials, cdf: Float64Array.of(1), zeroDraw: trials, trials };
  const closing = masses[lastBeforeClose] as number;
  let end = lastBeforeClose;
  while (end > 0 && masses[end - 1] === closing) end--;
  let start = 0;
  while (start < end && (masses[start] as number) <= belowEveryDraw) start++;
  return {
    offset: first + start,
    cdf: masses.slice(start, end + 1),
    zeroDraw: zeroDraw < 0 || zeroDraw > first + lastBeforeClose ? trials : zeroDraw,
    trials,
  };
}

/** The smallest j whose full-table entry exceeds u: the Binomial(trials, p) draw for u ∈ [0, 1). */
export function invertCdfWindow(window: BinomialCdfWindow, u: number): number {
  if (u === 0) return window.zeroDraw;
  const { cdf } = window;
  if (u >= (cdf[cdf.length - 1] as number)) return window.trials;
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cdf[mid] as number) > u) hi = mid;
    else lo = mid + 1;
  }
  return window.offset + lo;
}
