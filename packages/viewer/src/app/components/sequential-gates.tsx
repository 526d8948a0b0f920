import type { GateView } from '../../index';
import { eValue, stoppedBy } from '../format';
import { EValuePath } from './e-value-path';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/**
 * One block per sequential gate: items spent of the cap and the batch runs, the e-value at the stop
 * against 1/α, the plug-in cross-check, and the e-value path. Nothing for fixed-n gates.
 */
export function SequentialGates(props: { gates: readonly GateView[] }) {
  return (
    <>
      {props.gates.map((gate) => {
        const s = gate.sequential;
        if (s === null) return null;
        const last = [...s.eValues].reverse().find((value) => value !== null) ?? null;
        return (
          <section class="sequential-gate">
            <h3>
              Sequential decision: {gate.candidate.hash.slice(0, 12)} vs {gate.incumbent.hash.slice(0, 12)}
            </h3>
            <p class="stop">
              {stoppedBy(s.stoppedBy)} after {s.itemsSpent} of at most {s.maxItems} items
              {s.itemsEvaluated === null
                ? ''
                : ` (${plural(s.itemsEvaluated, 'item')} evaluated in ${plural(s.runIds.length, 'batch run')})`}
              {' · '}
              {last === null ? 'no pair yet' : `e-value ${eValue(last)}`}
              {s.barrier === null ? '' : `, promotes at 1/α = ${eValue(s.barrier)}`}
              {' · '}
              {s.plugInEValue === null
                ? `no cross-check (${s.eProcess ?? 'e-process not recorded'})`
                : `plug-in cross-check ${eValue(s.plugInEValue)}`}
            </p>
            <EValuePath sequential={s} />
          </section>
        );
      })}
    </>
  );
}
