import type { AttemptInput, AttemptResult, Worker } from '../contracts/worker';

/** A worker whose every attempt is decided by a function; it records the inputs it was given. */
export interface ScriptedWorker extends Worker {
  readonly calls: AttemptInput[];
}

/**
 * A worker for tests: `script` returns (or throws) what each attempt produces. Deterministic when the
 * script uses only its input (the attempt's seed included).
 *
 * @example
 * const worker = scriptedWorker((input) => ({ output: input.task.input, events: [], usage: unmeasuredUsage }));
 */
export function scriptedWorker(
  script: (input: AttemptInput, call: number, signal: AbortSignal) => AttemptResult | Promise<AttemptResult>,
  id = 'scripted-worker',
): ScriptedWorker {
  const calls: AttemptInput[] = [];
  return {
    id,
    version: '1',
    calls,
    async attempt(input, signal) {
      calls.push(input);
      return script(input, calls.length - 1, signal);
    },
  };
}
