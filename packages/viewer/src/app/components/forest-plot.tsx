import type { ContrastSummary } from '@ratchet/runtime';
import { points } from '../format';

const clip = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, chars - 1)}…` : text);

/**
 * Each contrast's estimate and interval on one shared axis around zero, hand-drawn in SVG: the primary
 * contrast in bold, contrasts with no estimate listed but not drawn.
 */
export function ForestPlot(props: { contrasts: readonly ContrastSummary[] }) {
  const drawn = props.contrasts.filter((c) => c.estimate !== null && c.low !== null && c.high !== null);
  if (drawn.length === 0) return <p class="muted">No contrast has an estimate yet.</p>;
  const reach = Math.max(0.05, ...drawn.flatMap((c) => [Math.abs(c.low as number), Math.abs(c.high as number)]));
  const width = 640;
  const label = 220;
  const row = 28;
  const height = drawn.length * row + 30;
  const x = (value: number) => label + ((value + reach) / (2 * reach)) * (width - label - 20);
  return (
    <svg class="forest" viewBox={`0 0 ${width} ${height}`} role="img" aria-label="forest plot of the contrasts">
      <line x1={x(0)} x2={x(0)} y1={0} y2={height - 24} class="zero" />
      {drawn.map((c, i) => {
        const y = i * row + 16;
        return (
          <g class={c.primary ? 'primary' : ''}>
            <text x={4} y={y + 4}>
              <title>
                {c.name} = {c.candidate} − {c.baseline}: {points(c.estimate)} [{points(c.low)}, {points(c.high)}]
              </title>
              {clip(c.name, 34)}
            </text>
            <line x1={x(c.low as number)} x2={x(c.high as number)} y1={y} y2={y} class="interval" />
            <circle cx={x(c.estimate as number)} cy={y} r={4} />
          </g>
        );
      })}
      <text x={x(-reach)} y={height - 6}>
        {points(-reach)}
      </text>
      <text x={x(0) - 4} y={height - 6}>
        0
      </text>
      <text x={x(reach) - 50} y={height - 6}>
        {points(reach)}
      </text>
    </svg>
  );
}
