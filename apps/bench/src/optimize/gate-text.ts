import type { GateOutcome } from '@ratchet/optimizer';
import pc from 'picocolors';
import { eValuePathLine } from '../report/e-value-path';
import { formatInterval, formatPoints, formatProbability } from '../report/format-figures';

/** Where the decision was taken, besides the outcome: the holdout drawn and the commands around it. */
export interface GateContext {
  readonly benchmark: string;
  readonly holdout: { readonly key: string; readonly rotation: number; readonly tasks: number };
  readonly incumbentLabel: string;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** `ratchet gate --json`: the decision, the ledger entry it wrote, and the holdout it spent. */
export function gateJson(outcome: GateOutcome, context: GateContext) {
  return {
    promoted: outcome.decision.promoted,
    benchmark: context.benchmark,
    holdout: context.holdout,
    incumbent: outcome.record.incumbent,
    candidate: outcome.record.candidate,
    optimizationId: outcome.record.optimizationId,
    ledgerEntry: outcome.record.recordId,
    runId: outcome.runId,
    runIds: outcome.runIds,
    decision: outcome.decision,
  };
}

/**
 * The decision as a reader needs it: promoted or not and why, the lift with its interval, the test and
 * the veto, the pairs decided on, and what the ledger now holds.
 */
export function gateText(outcome: GateOutcome, context: GateContext): string {
  const { decision, record } = outcome;
  const { lift, veto } = decision;
  const level = `${Math.round(100 * decision.confidence)}%`;
  const verdict = decision.promoted
    ? pc.green(pc.bold(`PROMOTED: ${record.candidate.hash} replaces ${record.incumbent.hash}`))
    : pc.yellow(pc.bold(`NOT PROMOTED (${decision.reason}): ${record.incumbent.hash} stays`));
  const test =
    decision.test === 'none' ? 'no test ran' : `${decision.test} test p ${formatProbability(decision.pValue)}`;
  const vetoText =
    veto === null
      ? 'veto: none ran'
      : `veto (${veto.test}): ${plural(veto.wins, 'win')}, ${plural(veto.losses, 'loss', 'losses')}, p ${formatProbability(veto.pValue)}`;
  const lost = decision.candidateFailures.length;
  const path = eValuePathLine(decision);
  return [
    pc.bold(
      `Gate on ${context.benchmark} · holdout "${context.holdout.key}" (${context.holdout.tasks} tasks) · incumbent ${record.incumbent.hash} (${context.incumbentLabel}) vs candidate ${record.candidate.hash}`,
    ),
    `  ${verdict}`,
    `  lift ${formatPoints(lift.estimate)} points, ${level} CI ${formatInterval(lift.low, lift.high)} (must clear ${formatPoints(decision.threshold)})`,
    `  ${test} · ${vetoText}`,
    `  n ${decision.n} paired tasks (floor ${decision.minPairs})${lost > 0 ? ` · the candidate failed to run on ${lost} and lost them` : ''}${decision.excluded.length > 0 ? ` · ${decision.excluded.length} excluded` : ''}`,
    ...(path === null ? [] : [`  sequential: ${path}`]),
    `  ${decision.explanation}`,
    '',
    `Ledger entry ${record.recordId} (run ${outcome.runId}): this holdout is now spent for incumbent ${record.incumbent.hash}; another decision against it needs --rotate.`,
  ].join('\n');
}
