import type { AutoloopState, IterationOutcome, LoopSettings, ScoreEntry } from '../autoloop-types';

/** What `handoffMarkdown` needs: the iteration just finished, and the state and settings after it. */
export interface HandoffArgs {
  readonly iteration: number;
  readonly outcome: IterationOutcome;
  /** The state after this iteration (its score history includes it). */
  readonly state: AutoloopState;
  /** The limits the counters are measured against. */
  readonly settings: Pick<
    LoopSettings,
    'maxIterations' | 'maxCostUsd' | 'plateauWindow' | 'maxConsecutiveErrors' | 'minImprovement'
  >;
  /** The stop rule that fired after this iteration, if one did (the engine evaluates it after the state). */
  readonly stop?: { readonly rule: string; readonly reason: string } | null;
}

/** A signed figure with 3 decimals; one that rounds to zero reads 0.000, never -0.000. */
function signed(value: number): string {
  const text = Math.abs(value).toFixed(3);
  if (Number(text) === 0) return text;
  return value > 0 ? `+${text}` : `-${text}`;
}

function usd(value: number): string {
  return `$${value.toFixed(2)}`;
}

function interval(ci: readonly [number, number] | null): string {
  return ci === null ? '—' : `[${signed(ci[0])}, ${signed(ci[1])}]`;
}

function candidate(id: string | null): string {
  return id === null ? '—' : `\`${id.length > 12 ? id.slice(0, 12) : id}\``;
}

function historyLine(entry: ScoreEntry): string {
  const lift =
    entry.weighted_score === null ? 'no gated lift' : `lift ${signed(entry.weighted_score)} CI ${interval(entry.ci)}`;
  return `- iteration ${entry.iteration}: ${candidate(entry.candidate_id)}, ${lift} (why: handoffs/iteration-${entry.iteration}.md)`;
}

function quoted(text: string): string {
  return text
    .trim()
    .split('\n')
    .map((line) => `> ${line}`.trimEnd())
    .join('\n');
}

function thisIteration(args: HandoffArgs): string {
  const { outcome } = args;
  const score =
    outcome.score === null
      ? 'nothing reached the gate'
      : `gated lift ${signed(outcome.score.estimate)}, CI ${interval([outcome.score.low, outcome.score.high])}`;
  const id = outcome.candidateId === null ? null : `candidate \`${outcome.candidateId}\``;
  const what =
    outcome.decision === 'error'
      ? `failed ${id === null ? 'before making a candidate' : `on ${id}`}`
      : `${outcome.decision === 'keep' ? 'kept' : 'rejected'} ${id ?? 'no candidate'}`;
  const lines = [`Iteration ${args.iteration} ${what}: ${score}.`];
  if (outcome.summary.trim() !== '') lines.push('', quoted(outcome.summary));
  if (outcome.failure !== null) {
    const first = outcome.failure.trim().split('\n')[0] ?? '';
    lines.push('', `Failure: ${first} (the full trace is the state's \`last_failure_trace\`).`);
  }
  return lines.join('\n');
}

function decided(args: HandoffArgs): string {
  const kept = args.state.score_history.filter((entry) => entry.decision === 'keep');
  const now = args.outcome.decision === 'keep' ? thisIteration(args) : `Iteration ${args.iteration} kept nothing.`;
  const history =
    kept.length === 0 ? 'No candidate has been kept yet.' : ['Kept so far:', ...kept.map(historyLine)].join('\n');
  return `## Decided\n\n${now}\n\n${history}`;
}

function rejected(args: HandoffArgs): string {
  const earlier = args.state.score_history.filter(
    (entry) => entry.decision !== 'keep' && entry.iteration !== args.iteration,
  );
  const parts = ['## Rejected'];
  if (args.outcome.decision !== 'keep') parts.push(thisIteration(args));
  if (earlier.length > 0) {
    const line = (entry: ScoreEntry): string =>
      entry.decision === 'error' ? `- iteration ${entry.iteration}: failed` : historyLine(entry);
    parts.push(['Earlier:', ...earlier.map(line)].join('\n'));
  }
  if (parts.length === 1) parts.push('Nothing has been rejected yet.');
  return parts.join('\n\n');
}

function scores(state: AutoloopState): string {
  if (state.score_history.length === 0) return '## Scores\n\nNo iteration yet.';
  const rows = state.score_history.map((entry) =>
    [
      entry.iteration,
      entry.decision,
      candidate(entry.candidate_id),
      entry.weighted_score === null ? '—' : signed(entry.weighted_score),
      interval(entry.ci),
      entry.spend_usd === null ? 'not metered' : usd(entry.spend_usd),
    ].join(' | '),
  );
  return [
    '## Scores',
    '',
    '| iteration | decision | candidate | gated lift | CI | spend |',
    '|---:|---|---|---:|---|---:|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

function remaining(args: HandoffArgs): string {
  const { state, settings } = args;
  const left = Math.max(0, settings.maxIterations - state.iterations_completed);
  const unmetered = state.score_history.filter((entry) => entry.spend_usd === null).length;
  const spent =
    settings.maxCostUsd === null
      ? `${usd(state.total_cost_usd)} spent; no cap`
      : `${usd(state.total_cost_usd)} spent of ${usd(settings.maxCostUsd)}; ${usd(Math.max(0, settings.maxCostUsd - state.total_cost_usd))} left`;
  const metering =
    unmetered === 0 ? '' : ` (${unmetered} of ${state.score_history.length} iterations metered no spend)`;
  const lines = [
    `- Iterations: ${state.iterations_completed} of ${settings.maxIterations} done; ${left} left.`,
    `- Dollars: ${spent}${metering}.`,
    `- Plateau: ${state.plateau_counter} of ${settings.plateauWindow} iterations without a kept candidate whose CI lower bound exceeds ${signed(settings.minImprovement)}.`,
    `- Consecutive errors: ${state.consecutive_errors} of ${settings.maxConsecutiveErrors}.`,
    `- Status: ${state.status}${state.stop_reason === null ? '' : ` (${state.stop_reason})`}.`,
  ];
  if (args.stop) lines.push(`- Stopped by ${args.stop.rule}: ${args.stop.reason}`);
  if (state.next_run_at !== null) lines.push(`- Next run at: ${state.next_run_at}.`);
  return `## Remaining\n\n${lines.join('\n')}`;
}

/**
 * The handoff of one iteration (`handoffs/iteration-<n>.md`): what was kept and why, what was rejected,
 * the score history with CIs, and what is left (iterations, dollars, stop-rule counters), so the next
 * iteration or a person can pick up the thread. Pure: same arguments, same text.
 */
export function handoffMarkdown(args: HandoffArgs): string {
  const header = `# Autoloop handoff: iteration ${args.iteration}\n\nTarget: \`${args.state.target}\``;
  return `${[header, decided(args), rejected(args), scores(args.state), remaining(args)].join('\n\n')}\n`;
}
