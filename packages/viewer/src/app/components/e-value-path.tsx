import type { GateSequential } from '../../index';
import { eValue } from '../format';

/**
 * A sequential gate's e-value after each paired item on a log axis that runs to the cap, with the 1/α
 * barrier dashed across it, hand-drawn in SVG: where the path crossed, or how far short it fell, at a glance.
 */
export function EValuePath(props: { sequential: GateSequential }) {
  const { eValues, barrier, maxItems } = props.sequential;
  const drawn = eValues.flatMap((value, index) =>
    value !== null && value > 0 && Number.isFinite(value) ? [{ item: index + 1, value }] : [],
  );
  if (drawn.length === 0) return <p class="muted">No paired item yet.</p>;
  const logs = [...drawn.map((point) => Math.log10(point.value)), ...(barrier === null ? [] : [Math.log10(barrier)])];
  const low = Math.min(0, ...logs);
  const high = Math.max(...logs, low + 1);
  const width = 640;
  const height = 220;
  const left = 50;
  const bottom = 34;
  const lastItem = Math.max(maxItems, eValues.length, 2);
  const x = (item: number) => left + ((item - 1) / (lastItem - 1)) * (width - left - 20);
  const y = (value: number) => 10 + (1 - (Math.log10(value) - low) / (high - low)) * (height - bottom - 10);
  const last = drawn.at(-1) as { item: number; value: number };
  return (
    <svg class="e-value" viewBox={`0 0 ${width} ${height}`} role="img" aria-label="e-value after each paired item">
      {barrier === null ? null : (
        <g class="barrier">
          <line x1={x(1)} x2={x(lastItem)} y1={y(barrier)} y2={y(barrier)} class="zero" />
          <text x={x(lastItem) - 110} y={y(barrier) - 4}>
            1/α = {eValue(barrier)}: promotes
          </text>
        </g>
      )}
      <polyline points={drawn.map((p) => `${x(p.item)},${y(p.value)}`).join(' ')} class="line" />
      {drawn.map((p) => (
        <circle cx={x(p.item)} cy={y(p.value)} r={2.5}>
          <title>
            item {p.item}: e-value {eValue(p.value)}
          </title>
        </circle>
      ))}
      <text x={4} y={y(10 ** high) + 4}>
        {eValue(10 ** high)}
      </text>
      <text x={4} y={y(10 ** low) + 4}>
        {eValue(10 ** low)}
      </text>
      <text x={left} y={height - 6}>
        e-value (log scale) after each paired item; it ends at item {last.item} of at most {maxItems}
      </text>
    </svg>
  );
}
