import type { JsonValue } from '@ratchet/corpus';

/** The points of an e-value path shown: enough to see its shape on one line. */
const shown = 6;

const isObject = (value: unknown): value is Record<string, JsonValue> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One line on how a sequential gate stopped, read from a decision (typed, or the JSON of a gate record):
 * `stopped by evidence after 37 of 200 items · e-value 1.00 → 2.00 → 8.00 → 41.3 (1/α = 40)`, the path
 * sampled at up to six evenly spaced pairs, the last always shown. Null for a fixed-n decision.
 *
 * @example
 * eValuePathLine({ sequential: { itemsSpent: 3, maxItems: 10, stoppedBy: 'cap', eValues: [1, 1.5, 0.75], barrier: 40 } });
 * // => 'stopped at the cap after 3 of 10 items · e-value 1.00 → 1.50 → 0.750 (1/α = 40)'
 */
export function eValuePathLine(decision: unknown): string | null {
  if (!isObject(decision) || !isObject(decision.sequential)) return null;
  const { itemsSpent, maxItems, stoppedBy, eValues, barrier } = decision.sequential;
  if (typeof itemsSpent !== 'number' || typeof maxItems !== 'number' || !Array.isArray(eValues)) return null;
  const path = eValues.filter((value): value is number => typeof value === 'number');
  const picks =
    path.length <= shown
      ? path
      : Array.from({ length: shown }, (_, i) => path[Math.round((i * (path.length - 1)) / (shown - 1))] as number);
  const why =
    stoppedBy === 'evidence'
      ? 'stopped by evidence'
      : stoppedBy === 'futility'
        ? 'stopped for futility'
        : stoppedBy === 'cap'
          ? 'stopped at the cap'
          : 'not stopped yet';
  const level = typeof barrier === 'number' ? ` (1/α = ${Math.round(barrier)})` : '';
  const values = picks.length === 0 ? 'no pair yet' : picks.map(formatE).join(' → ');
  return `${why} after ${itemsSpent} of ${maxItems} items · e-value ${values}${level}`;
}

function formatE(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  return value >= 1e5 ? value.toExponential(1) : value.toPrecision(3);
}
