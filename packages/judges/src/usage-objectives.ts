import type { ObjectiveScore, Usage } from '@ratchet/corpus';

/**
 * The cost objectives of a metered attempt: `wallMs` and `usd`, both minimized. A figure that was not
 * measured stays null (docs/design.md rule 5), so it never looks free.
 *
 * @example
 * usageObjectives({ ...unmeasuredUsage, wallMs: 1200 });
 * // => { wallMs: { value: 1200, direction: 'minimize' }, usd: { value: null, direction: 'minimize' } }
 */
export function usageObjectives(usage: Usage): Record<'wallMs' | 'usd', ObjectiveScore> {
  return {
    wallMs: { value: usage.wallMs, direction: 'minimize' },
    usd: { value: usage.usd, direction: 'minimize' },
  };
}
