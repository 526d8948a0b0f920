import type { ArmSummary } from '@ratchet/runtime';
import { percent } from '../format';

/**
 * Success rate (with its interval) against spend per cell, one point per arm, hand-drawn in SVG. Spend
 * is dollars when every arm's was measured, else attempts per cell (an unmeasured cost is not drawn as 0).
 */
export function SpendPlot(props: { arms: readonly ArmSummary[] }) {
  const arms = props.arms.filter((arm) => arm.successRate !== null && arm.cells > 0);
  if (arms.length === 0) return <p class="muted">No arm has a judged cell yet.</p>;
  const dollars = arms.every((arm) => arm.spend.usd !== null);
  const cost = (arm: ArmSummary) => (dollars ? (arm.spend.usd as number) / arm.cells : arm.attempts / arm.cells);
  const maxCost = Math.max(...arms.map(cost)) * 1.15 || 1;
  const width = 640;
  const height = 260;
  const left = 50;
  const bottom = 40;
  const x = (value: number) => left + (value / maxCost) * (width - left - 120);
  const y = (rate: number) => 10 + (1 - rate) * (height - bottom - 10);
  return (
    <svg class="spend" viewBox={`0 0 ${width} ${height}`} role="img" aria-label="success against spend per arm">
      <line x1={left} x2={left} y1={10} y2={height - bottom} class="axis" />
      <line x1={left} x2={width - 20} y1={height - bottom} y2={height - bottom} class="axis" />
      {[0, 0.5, 1].map((tick) => (
        <text x={4} y={y(tick) + 4}>
          {percent(tick)}
        </text>
      ))}
      <text x={left} y={height - 8}>
        {dollars ? 'dollars per cell' : 'attempts per cell (cost not measured for every arm)'} → up to{' '}
        {dollars ? `$${maxCost.toFixed(4)}` : maxCost.toFixed(1)}
      </text>
      {arms.map((arm) => {
        const rate = arm.successRate as NonNullable<ArmSummary['successRate']>;
        const px = x(cost(arm));
        return (
          <g>
            <line x1={px} x2={px} y1={y(rate.low)} y2={y(rate.high)} class="interval" />
            <circle cx={px} cy={y(rate.estimate)} r={5} />
            <text x={px + 8} y={y(rate.estimate) + 4}>
              {arm.armId} {percent(rate.estimate)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
