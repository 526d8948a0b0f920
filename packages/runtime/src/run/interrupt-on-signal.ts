/** The signals that stop a run: SIGINT from Ctrl+C, SIGTERM from a package manager, CI or `kill`. */
export const interruptSignals = ['SIGINT', 'SIGTERM'] as const;

/**
 * How long after the first signal further ones are taken as copies of it. One Ctrl+C reaches the CLI
 * several times within milliseconds: the terminal signals the whole process group, and npm and pnpm
 * forward a copy to their child. A person who reads the "Stopping" line and presses again takes longer.
 */
export const duplicateSignalWindowMs = 1000;

export interface InterruptOnSignalOptions {
  /** Aborted by the first signal: the run stops scheduling cells and records the ones that finish. */
  controller: AbortController;
  /** Where the signals come from: `process`, or a fake emitter in tests. */
  emitter: Pick<NodeJS.EventEmitter, 'on' | 'off'>;
  /** A monotonic clock in ms (`performance.now`). */
  now: () => number;
  /** Leaves at once with this exit code (`process.exit`). */
  quit: (code: number) => void;
  /** Where the "Stopping" line goes (`process.stderr`). */
  stderr: { write(text: string): unknown };
}

/**
 * Turns SIGINT and SIGTERM into a graceful stop: the first one aborts `controller` and says so once;
 * more within `duplicateSignalWindowMs` of it are ignored as copies; one after that quits at once with
 * exit code 130.
 *
 * @returns a function that removes the listeners.
 * @example
 * const controller = new AbortController();
 * interruptOnSignal({ controller, emitter: process, now: () => performance.now(), quit: process.exit, stderr: process.stderr });
 * // Ctrl+C (the terminal's SIGINT and pnpm's SIGTERM, 2 ms apart) => controller.signal.aborted, one "Stopping" line
 * // Ctrl+C again 3 s later => process.exit(130)
 */
export function interruptOnSignal(options: InterruptOnSignalOptions): () => void {
  const { controller, emitter, now, quit, stderr } = options;
  let firstAt: number | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstAt === null) {
      firstAt = now();
      stderr.write('\nStopping: keeping every finished cell (Ctrl+C again to quit at once)…\n');
      // An AbortError: the harness tells it from an agent's own failure and does not record the
      // attempt it cut short (any other error would be scored as the agent failing).
      controller.abort(new DOMException(`stopped by ${signal}`, 'AbortError'));
      return;
    }
    if (now() - firstAt >= duplicateSignalWindowMs) quit(130);
  };
  for (const signal of interruptSignals) emitter.on(signal, onSignal);
  return () => {
    for (const signal of interruptSignals) emitter.off(signal, onSignal);
  };
}

/**
 * The graceful stop of a command-line program: `interruptOnSignal` on this process's signals, stderr and
 * clock. Returns the signal to hand to the work (aborted by the first Ctrl+C or SIGTERM).
 */
export function interruptOnProcessSignals(): AbortSignal {
  const controller = new AbortController();
  interruptOnSignal({
    controller,
    emitter: process,
    now: () => performance.now(),
    quit: (code) => process.exit(code),
    stderr: process.stderr,
  });
  return controller.signal;
}
