import { canonicalJson, type JsonValue, type ObjectiveSpec } from '@ratchet/corpus';
import { type GepaResult, meanScalar, type OptimizerBudget, type Scalarization } from '@ratchet/optimizer';
import type { ControllerParameters } from '@ratchet/runtime';
import pc from 'picocolors';

/** What the summary needs besides the result: the search's settings and the commands to run next. */
export interface SummaryContext {
  readonly benchmark: string;
  readonly baseline: { readonly hash: string; readonly parameters: Readonly<ControllerParameters> };
  readonly valTaskIds: readonly string[];
  readonly objectives: readonly ObjectiveSpec[];
  readonly scalarization: Scalarization;
  readonly budget: OptimizerBudget;
  /** `ratchet gate <config> --candidate HASH`, as the user should type it. */
  readonly gateCommand: string;
  readonly reportCommand: string;
}

/** `ratchet optimize --json`: what the search found and spent, and why it stopped. */
export function optimizeResultJson(result: GepaResult, context: SummaryContext) {
  const baselineVal = baselineValOf(result, context);
  const promotable = result.best.hash !== context.baseline.hash;
  return {
    optimizationId: result.optimizationId,
    benchmark: context.benchmark,
    status: result.record.status,
    best: {
      hash: result.best.hash,
      controllerId: result.best.controller.id,
      parameters: result.best.controller.parameters,
      changedFromBaseline: changedParameters(context.baseline.parameters, result.best.controller.parameters),
      origin: result.best.origin,
      iteration: result.best.iteration,
    },
    bestVal: result.bestVal,
    baseline: { hash: context.baseline.hash, val: baselineVal },
    front: result.front,
    hypervolume: result.hypervolume,
    spend: result.spend,
    budget: {
      cells: context.budget.cells ?? null,
      usd: context.budget.usd ?? null,
      iterations: context.budget.iterations ?? null,
    },
    stop: result.stop,
    iterations: result.iterations.length,
    outcomes: outcomeCounts(result),
    candidates: result.candidates.length,
    next: promotable ? context.gateCommand : null,
  };
}

/** The terminal summary, ending with the gate command to run next (or why there is nothing to gate; nothing when interrupted). */
export function optimizeSummary(result: GepaResult, context: SummaryContext): string {
  const baselineVal = baselineValOf(result, context);
  const lift =
    baselineVal === null ? '' : ` (baseline ${baselineVal.toFixed(3)}, ${signed(result.bestVal - baselineVal)})`;
  const changed = changedParameters(context.baseline.parameters, result.best.controller.parameters);
  const counts = Object.entries(outcomeCounts(result))
    .map(([outcome, count]) => `${count} ${outcome}`)
    .join(', ');
  const usd = result.spend.usd === null ? 'dollars not metered' : `$${result.spend.usd.toFixed(4)}`;
  const cells =
    context.budget.cells === undefined ? `${result.spend.cells}` : `${result.spend.cells} of ${context.budget.cells}`;
  const promotable = result.best.hash !== context.baseline.hash;
  const lines = [
    pc.bold(`Optimization ${result.optimizationId} · ${context.benchmark} · ${result.record.status}`),
    `  stopped: ${result.stop.reason} (${result.stop.detail})`,
    `  ${result.iterations.length} iterations (${counts || 'none'}) · ${result.candidates.length} candidates kept · ${cells} cells · ${usd}`,
    `  best on val: ${result.best.hash} ${result.bestVal.toFixed(3)}${lift}`,
    ...(promotable ? [`  changed from the baseline: ${changed.map(describeChange).join('; ')}`] : []),
    `  front (${objectiveNames(context.objectives)}): ${result.front.join(', ')}${result.hypervolume === null ? '' : ` · hypervolume ${result.hypervolume.toFixed(4)}`}`,
    '',
  ];
  // Interrupted: what follows is how to resume, not what to do with a search that has not finished.
  if (result.record.status === 'interrupted') return lines.slice(0, -1).join('\n');
  if (!promotable) {
    return [
      ...lines,
      'No candidate beat the baseline on val: there is nothing to gate, and no holdout was spent.',
      pc.bold('Next:'),
      `  ${context.reportCommand}`,
    ].join('\n');
  }
  return [
    ...lines,
    'Val scores chose this candidate, so they overstate it; the gate decides on the holdout, once.',
    pc.bold('Next:'),
    `  ${context.reportCommand}`,
    `  ${context.gateCommand}`,
  ].join('\n');
}

function baselineValOf(result: GepaResult, context: SummaryContext): number | null {
  const scores = result.val.get(context.baseline.hash);
  return scores ? meanScalar(scores, context.valTaskIds, context.objectives, context.scalarization) : null;
}

function outcomeCounts(result: GepaResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const iteration of result.iterations) counts[iteration.outcome] = (counts[iteration.outcome] ?? 0) + 1;
  return counts;
}

/** The top-level parameters whose value differs from the baseline's, with both values. */
export function changedParameters(
  baseline: Readonly<ControllerParameters>,
  candidate: Readonly<ControllerParameters>,
): Array<{ name: string; from: JsonValue | null; to: JsonValue | null }> {
  const names = [...new Set([...Object.keys(baseline), ...Object.keys(candidate)])].sort();
  return names
    .filter((name) => canonicalJson(baseline[name] ?? null) !== canonicalJson(candidate[name] ?? null))
    .map((name) => ({ name, from: baseline[name] ?? null, to: candidate[name] ?? null }));
}

function describeChange(change: { name: string; from: JsonValue | null; to: JsonValue | null }): string {
  const show = (value: JsonValue | null) => {
    const text = typeof value === 'string' ? JSON.stringify(value) : canonicalJson(value);
    return text.length > 40 ? `${text.slice(0, 37)}…` : text;
  };
  return `${change.name} ${show(change.from)} → ${show(change.to)}`;
}

function objectiveNames(objectives: readonly ObjectiveSpec[]): string {
  return objectives.map((objective) => `${objective.direction === 'maximize' ? '↑' : '↓'}${objective.name}`).join(' ');
}

const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;
