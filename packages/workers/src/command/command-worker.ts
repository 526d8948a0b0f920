import { basename } from 'node:path';
import type { AttemptFailure, AttemptInput, AttemptResult, Worker } from '@ratchet/runtime';
import { withRedaction } from '../redaction/with-redaction';
import { attemptFailure } from './attempt-failure';
import { CommandWorkerError } from './command-worker-error';
import { type CommandWorkerOptions, commandWorkerOptionsSchema } from './command-worker-options';
import { displayCommand } from './display-command';
import type { AgentActivity, EventStreamParser, StreamSummary, TraceEventDraft } from './event-stream-parser';
import { infraFailure } from './infra-failure';
import { InvalidWorkerOptionsError } from './invalid-worker-options-error';
import { parseWorkerOptions } from './parse-worker-options';
import { plainTextParser } from './plain-text-parser';
import { defaultRenderPrompt, promptTexts, renderArgs } from './render-args';
import { type AgentProcessRun, runAgentProcess } from './run-agent-process';
import { streamUsage } from './stream-usage';
import { TraceCollector } from './trace-collector';

/**
 * A worker that runs an agent CLI (Claude Code, Codex, opencode, Aider, your own) once per attempt, in
 * the task's work dir (the environment handle's `workDir`, else the `cwd` option), and reads its
 * stdout into trace events, an output and usage with the given parser.
 *
 * An agent that ran and failed is an outcome (docs/design.md rule 4): the attempt returns, with what the
 * parser recovered as the output, an `error` event in the trace, and `failure` saying how (with the
 * first lines of stderr): `timeout` when it was still running at `timeoutMs` (its process tree is
 * killed; one that had already reported success keeps its result and has no failure; the message
 * names its last activity), `exit` for a non-zero exit, `signal` for a signal the harness did not
 * send, `error` when it exited 0 but its own stream reported failure. A harness failure throws
 * `CommandWorkerError` (an `InfraError`): the command is missing or cannot start, there is no work
 * dir (scope `cell`), or the agent's model provider failed it (scope `run`; see `infraFailure`).
 * Aborting `signal` kills the process tree and rethrows the signal's reason (an `AbortError` by default).
 *
 * @throws {InvalidWorkerOptionsError} when an option is invalid (at creation).
 * @example
 * const worker = commandWorker({ command: 'my-agent', args: ['--task', '{message}'], cwd: '/tmp/work' });
 * const result = await worker.attempt(input, AbortSignal.timeout(60_000));
 * // => { output: 'Done.', events: [{ type: 'message', atMs: 812, data: { role: 'assistant', text: 'Done.' } }], usage: { … } }
 */
export function commandWorker(options: CommandWorkerOptions): Worker {
  const parsed = parseWorkerOptions('commandWorker', commandWorkerOptionsSchema, options);
  const id = parsed.id ?? `command:${basename(parsed.command)}`;
  const createParser = parsed.parser ?? plainTextParser;
  const renderPrompt = parsed.renderPrompt ?? defaultRenderPrompt;

  async function attempt(input: AttemptInput, signal: AbortSignal): Promise<AttemptResult> {
    signal.throwIfAborted();
    const startedAt = performance.now();
    const texts = promptTexts(input, renderPrompt);
    const args =
      typeof parsed.args === 'function'
        ? checkedArgs(parsed.args(input, texts))
        : renderArgs(parsed.args, input, texts);
    const shown = displayCommand(parsed.command, typeof parsed.args === 'function' ? args : parsed.args);
    const cwd = workDirOf(input.handle) ?? parsed.cwd;
    if (cwd === undefined) {
      throw new CommandWorkerError({
        reason: 'no-work-dir',
        message: `${id}: the environment handle has no workDir and no cwd option was given. Set one of them.`,
        command: shown,
        isRetryable: false,
      });
    }

    const trace = new TraceCollector(parsed.maxOutputBytes, startedAt);
    const parser = createParser();
    const run = await runAgentProcess({
      command: parsed.command,
      args,
      cwd,
      env: parsed.env,
      ...(parsed.stdin === undefined ? {} : { input: renderArgs([parsed.stdin], input, texts).join('') }),
      timeoutMs: parsed.timeoutMs,
      killGraceMs: parsed.killGraceMs,
      maxLineBytes: parsed.maxOutputBytes,
      maxStderrBytes: parsed.maxStderrBytes,
      signal,
      displayCommand: shown,
      onLine: (line, droppedBytes) => trace.addLine(parser, line, droppedBytes),
      ...(parser.parseStderrLine === undefined
        ? {}
        : {
            onStderrLine: (line: string, droppedBytes: number) => trace.addLine(parser, line, droppedBytes, 'stderr'),
          }),
    });
    if (run.termination === 'aborted') {
      throw signal.reason ?? new DOMException('The attempt was aborted.', 'AbortError');
    }

    let summary: StreamSummary;
    try {
      trace.add(parser.flush?.() ?? []);
      summary = parser.finish();
    } catch (error) {
      // A broken parser loses the summary, not the attempt: nothing is known, so nothing is claimed.
      trace.note({ type: 'error', data: { kind: 'parser-failed', message: String(error).slice(0, 500) } });
      summary = { output: null, usage: unknownUsage, status: 'unknown', errors: [], providerFailures: [] };
    }
    const activity = lastActivity(parser, trace);
    const infra = infraFailure(run, summary, {
      workerId: id,
      command: shown,
      timeoutMs: parsed.timeoutMs,
      activity,
      ...(parsed.failureHints === undefined ? {} : { hints: parsed.failureHints }),
    });
    if (infra !== null) throw infra;

    const failure = attemptFailure(run, summary, parsed.timeoutMs, activity);
    for (const event of closingEvents(run, failure, parsed.timeoutMs)) trace.note(event);
    return {
      output: summary.output,
      events: trace.events(),
      usage: summary.usage,
      ...(failure === undefined ? {} : { failure }),
    };
  }

  // Outputs and traces are redacted before the runtime sees them: the agent's secrets never reach the corpus.
  return withRedaction(
    {
      id,
      ...(parsed.model === undefined ? {} : { model: parsed.model }),
      ...(parsed.version === undefined ? {} : { version: parsed.version }),
      attempt,
    },
    { env: { ...process.env, ...parsed.env } },
  );
}

const unknownUsage = streamUsage({ turns: null, tokensIn: null, tokensOut: null, usd: null });

/** The parser's account of the agent's last activity, else the last trace event's; a parser that throws has none. */
function lastActivity(parser: EventStreamParser, trace: TraceCollector): AgentActivity | null {
  let fromParser: AgentActivity | null = null;
  try {
    fromParser = parser.activity?.() ?? null;
  } catch {
    fromParser = null;
  }
  if (fromParser !== null) return fromParser;
  const text = trace.lastActivity();
  return text === null ? null : { text };
}

/** The handle's `workDir` when it has one: environments that open a directory hand it over this way. */
function workDirOf(handle: unknown): string | undefined {
  if (typeof handle !== 'object' || handle === null) return undefined;
  const workDir = (handle as { workDir?: unknown }).workDir;
  return typeof workDir === 'string' && workDir !== '' ? workDir : undefined;
}

function checkedArgs(args: readonly unknown[]): string[] {
  if (Array.isArray(args) && args.every((arg) => typeof arg === 'string')) return [...args];
  throw new InvalidWorkerOptionsError({
    functionName: 'commandWorker',
    issues: [{ path: 'args', message: 'the args function must return an array of strings' }],
  });
}

/**
 * The worker's record of how the process ended: stderr's tail, then the time limit or the exit when
 * the agent failed by them (an `error` result the stream reported is already in the trace).
 */
function closingEvents(
  run: AgentProcessRun,
  failure: AttemptFailure | undefined,
  timeoutMs: number,
): TraceEventDraft[] {
  const events: TraceEventDraft[] = [];
  if (run.stderr.bytes > 0) {
    events.push({
      type: 'log',
      data: { stream: 'stderr', text: run.stderr.text, droppedBytes: run.stderr.droppedBytes },
    });
  }
  if (failure?.reason === 'timeout') {
    events.push({ type: 'error', data: { kind: 'timeout', timeoutMs, message: failure.message } });
  } else if (run.termination === 'timed-out') {
    events.push({
      type: 'log',
      data: { kind: 'killed', message: 'the agent reported its result but was still running at the time limit' },
    });
  } else if (failure?.reason === 'exit' || failure?.reason === 'signal') {
    events.push({
      type: 'error',
      data: { kind: 'exit', exitCode: run.exitCode, signal: run.signal, message: failure.message },
    });
  }
  return events;
}
