import { AutoloopStateError } from './autoloop-state-error';

/** Who holds the lock of a state root: the content of `autoloop.lock`. */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  readonly started_at: string;
  readonly command?: string;
}

function howToProceed(holder: LockHolder, sameHost: boolean): string {
  if (sameHost) {
    return `wait for it to finish or stop it (kill -INT ${holder.pid}); if pid ${holder.pid} is no longer an autoloop (pids are reused), delete the lock file and run again`;
  }
  return `wait for it to finish or stop it on ${holder.hostname}; its liveness cannot be checked from this host, so if you are sure it is no longer running, delete the lock file and run again`;
}

/** A second loop on the same state root is refused: another process holds `autoloop.lock`. */
export class AutoloopLockedError extends AutoloopStateError {
  readonly holder: LockHolder;

  constructor(options: { file: string; holder: LockHolder; sameHost: boolean }) {
    const { holder } = options;
    const command = holder.command === undefined ? '' : ` (${holder.command})`;
    super({
      problem: 'locked',
      file: options.file,
      detail: `the state root is in use by another autoloop: pid ${holder.pid} on host ${holder.hostname}, since ${holder.started_at}${command}`,
      action: howToProceed(holder, options.sameHost),
    });
    this.name = 'AutoloopLockedError';
    this.holder = holder;
  }

  static override isInstance(error: unknown): error is AutoloopLockedError {
    return AutoloopStateError.isInstance(error) && (error as Error).name === 'AutoloopLockedError';
  }
}
