import type { GateRecord } from '@ratchet/corpus';
import Table from 'cli-table3';
import pc from 'picocolors';
import { eValuePathLine } from './e-value-path';
import { formatInterval, formatPoints, formatUsd } from './format-figures';
import type { CurvePoint, OptimizationReport } from './optimization-report';

const short = (hash: string) => hash.slice(0, 8);
const score = (value: number | null) => (value === null ? '—' : value.toFixed(3));

/**
 * An optimization as terminal text: what it searched and how it ended, what drove it, the lineage
 * (candidates with parents, origin, changed components, val score, kept or rejected), the val curve
 * against cells spent, the front, and the gate's decisions on its candidates.
 */
export function optimizationTerminalReport(report: OptimizationReport): string {
  const { optimization: o, search } = report;
  const budget = [
    search.budget?.cells ? `${search.budget.cells} cells` : null,
    search.budget?.usd ? `$${search.budget.usd}` : null,
    search.budget?.iterations ? `${search.budget.iterations} iterations` : null,
  ].filter((cap) => cap !== null);
  const outcomes = Object.entries(report.outcomes)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${count} ${outcome}`)
    .join(', ');
  const lines = [
    pc.bold(`Optimization ${o.optimizationId} · ${o.benchmark} · ${o.status}`),
    `  ${search.strategy ?? '?'}@${search.k ?? '?'} · ${search.proposer ?? '?'} proposer · ${search.trainTasks} train / ${search.valTasks} val tasks · seed ${o.seed} · started ${o.startedAt}`,
    o.stopReason === null
      ? `  not finished: running now, or killed before it could record its end${o.resumeCommand ? `; resume with ${o.resumeCommand}` : ''}`
      : `  stopped: ${o.stopReason}${o.stopDetail ? ` (${o.stopDetail})` : ''}${o.status === 'interrupted' && o.resumeCommand ? `; resume with ${o.resumeCommand}` : ''}`,
    `  spent ${o.spend.cells} cells${budget.length > 0 ? ` of a budget of ${budget.join(', ')}` : ''} · ${o.spend.usd === null ? 'dollars not metered' : formatUsd(o.spend.usd)} · iterations: ${outcomes || 'none'}`,
    `  ${report.drivers}`,
    '',
    pc.bold('Lineage'),
    lineageTable(report),
    '',
    pc.bold('Best val score against cells spent'),
    curveLines(report.curve),
    '',
    pc.bold(`Front (${o.objectives.map((objective) => objective.name).join(', ')})`),
    ...frontLines(report),
    '',
    pc.bold('Gate decisions'),
    ...gateLines(report.gates),
  ];
  return lines.join('\n');
}

function lineageTable(report: OptimizationReport): string {
  const table = new Table({
    head: ['candidate', 'iteration', 'origin', 'parents', 'changed', 'val', 'status'],
    style: { head: [], border: [], compact: true },
  });
  for (const entry of report.lineage) {
    const marks = [entry.best ? 'best' : null, entry.onFront ? 'front' : null].filter((mark) => mark !== null);
    table.push([
      short(entry.hash),
      entry.iteration,
      entry.origin === 'proposal' ? `${entry.proposer}` : entry.origin,
      entry.parents.map(short).join(' + ') || '—',
      entry.changed.join(', ') || '—',
      score(entry.valScore),
      `${entry.status}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}`,
    ]);
  }
  return table.toString();
}

/** One row per change of the best: `iteration 3 · 84 cells · 0.650 (3f2a91c0)`, and the last point. */
function curveLines(curve: readonly CurvePoint[]): string {
  const changes = curve.filter((point, index) => index === 0 || point.bestHash !== curve[index - 1]?.bestHash);
  const last = curve.at(-1);
  const shown = last && changes.at(-1) !== last ? [...changes, last] : changes;
  return shown
    .map(
      (point) =>
        `  iteration ${point.iteration} · ${point.cells} cells · ${score(point.bestVal)} (${short(point.bestHash)})`,
    )
    .join('\n');
}

function frontLines(report: OptimizationReport): string[] {
  const onFront = report.lineage.filter((entry) => entry.onFront);
  if (onFront.length === 0) return ['  no val scores recorded'];
  const lines = onFront.map((entry) => {
    const means = Object.entries(entry.means ?? {})
      .map(([name, value]) => `${name} ${score(value)}`)
      .join(', ');
    return `  ${short(entry.hash)} · ${means}`;
  });
  return report.hypervolume === null
    ? lines
    : [...lines, `  hypervolume beyond the baseline: ${report.hypervolume.toFixed(4)}`];
}

function gateLines(gates: readonly GateRecord[]): string[] {
  if (gates.length === 0) return ['  none yet: `ratchet gate <config> --candidate HASH` decides on the holdout'];
  return gates.flatMap((gate) => {
    const lift = liftOf(gate);
    const path = eValuePathLine(gate.decision);
    return [
      `  ${gate.createdAt} · ${short(gate.candidate.hash)} vs ${short(gate.incumbent.hash)} on "${gate.holdoutKey}" (${gate.holdoutTasks} tasks): ${gate.promoted ? pc.green('promoted') : `not promoted (${gate.reason})`}${lift}`,
      ...(path === null ? [] : [`    sequential: ${path}`]),
    ];
  });
}

/** The lift and its interval from a recorded decision, when it has them. */
function liftOf(gate: GateRecord): string {
  const decision = gate.decision;
  if (typeof decision !== 'object' || decision === null || Array.isArray(decision)) return '';
  const lift = decision.lift;
  if (typeof lift !== 'object' || lift === null || Array.isArray(lift)) return '';
  const number = (value: unknown) => (typeof value === 'number' ? value : null);
  return ` · lift ${formatPoints(number(lift.estimate))} points, CI ${formatInterval(number(lift.low), number(lift.high))}`;
}
