import { exactLiftInterval } from './exact-lift-interval';
import { mcnemarExact } from './mcnemar-exact';

/** TEMPORARY (replaced by the stats branch). */
export function pairedBinaryContrast(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: { confidence?: number } = {},
) {
  let wins = 0;
  let losses = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === 0 && b[i] === 1) wins++;
    if (a[i] === 1 && b[i] === 0) losses++;
  }
  const interval = exactLiftInterval(losses, wins, a.length, options.confidence ?? 0.95);
  return {
    ...interval,
    pValue: mcnemarExact(losses, wins).pValue,
    n: a.length,
    wins,
    losses,
    test: 'mcnemar-exact' as const,
  };
}
