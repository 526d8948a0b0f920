import { type Usage, unmeasuredUsage } from '@ratchet/corpus';
import type { Analyst, AnalystMeter } from '../contracts/analyst';

/**
 * What one analyst call spent. A free analyst (rules over the trace) spent only time. One that
 * reported its usage through the meter spent that. Any other call is unmeasured: its dollars and
 * tokens are null, never 0 (docs/design.md rule 5). An analyst does none of the worker's work units.
 */
export function analystUsage(
  analyst: Analyst,
  metered: ReadonlyArray<Parameters<AnalystMeter['record']>[0]>,
  wallMs: number,
): Usage[] {
  if (metered.length > 0) {
    // The call's time goes once, on the first record that does not state its own.
    return metered.map((usage, i) => ({ ...usage, wallMs: usage.wallMs ?? (i === 0 ? wallMs : 0), workUnits: 0 }));
  }
  if (analyst.free === true) {
    return [{ turns: 0, tokensIn: 0, tokensOut: 0, usd: 0, wallMs, workUnits: 0, costProvenance: 'measured' }];
  }
  return [{ ...unmeasuredUsage, wallMs, workUnits: 0 }];
}
