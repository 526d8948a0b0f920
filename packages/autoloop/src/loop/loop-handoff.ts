import type { AutoloopState, IterationOutcome, LoopSettings } from '../autoloop-types';
import type { StopVerdict } from './stop-rules';

/** What a handoff is written from: the iteration just finished and the state after it. */
export interface HandoffArgs {
  readonly iteration: number;
  readonly outcome: IterationOutcome;
  readonly state: AutoloopState;
  readonly settings: LoopSettings;
  /** The rule that fired after this iteration, if one did. */
  readonly stop: StopVerdict | null;
}

const money = (value: number | null): string => (value === null ? 'not metered' : `$${value.toFixed(2)}`);

/**
 * A plain handoff (Decided / Rejected / Scores / Remaining), used when the caller passes none: enough for
 * the next iteration or a person to pick up the thread.
 */
export function simpleHandoffMarkdown(args: HandoffArgs): string {
  const { iteration, outcome, state, settings, stop } = args;
  const score = outcome.score;
  const lines = [`# Iteration ${iteration}: ${outcome.decision}`, '', '## Decided', ''];
  if (outcome.decision === 'keep') {
    lines.push(
      `Kept candidate ${outcome.candidateId ?? '(no id)'}; the target is now ${outcome.targetHash ?? '(no hash)'}.`,
    );
  } else if (outcome.decision === 'error') {
    lines.push(`The iteration failed: ${(outcome.failure ?? 'no trace').split('\n')[0]}`);
  } else {
    lines.push('Nothing was kept; the target is unchanged.');
  }
  lines.push('', outcome.summary, '', '## Rejected', '');
  lines.push(outcome.decision === 'reject' ? `Candidate ${outcome.candidateId ?? '(no id)'}.` : 'Nothing.');
  lines.push('', '## Scores', '');
  lines.push(
    score === null
      ? 'Nothing reached the gate.'
      : `Gated lift ${score.estimate.toFixed(4)} (CI ${score.low.toFixed(4)} to ${score.high.toFixed(4)}).`,
  );
  lines.push('', '| iteration | decision | lift | CI |', '|---|---|---|---|');
  for (const entry of state.score_history.slice(-10)) {
    const ci = entry.ci === null ? '–' : `${entry.ci[0].toFixed(4)} to ${entry.ci[1].toFixed(4)}`;
    lines.push(`| ${entry.iteration} | ${entry.decision} | ${entry.weighted_score?.toFixed(4) ?? '–'} | ${ci} |`);
  }
  lines.push('', '## Remaining', '');
  lines.push(`- iterations: ${state.iterations_completed} of ${settings.maxIterations}`);
  lines.push(
    `- spend: ${money(state.total_cost_usd)} of ${settings.maxCostUsd === null ? 'no cap' : money(settings.maxCostUsd)}`,
  );
  lines.push(`- plateau counter: ${state.plateau_counter} of ${settings.plateauWindow}`);
  lines.push(`- consecutive errors: ${state.consecutive_errors} of ${settings.maxConsecutiveErrors}`);
  lines.push(stop === null ? '- the loop goes on' : `- stopped: ${stop.reason}`);
  return `${lines.join('\n')}\n`;
}
