import { mkdir, open, readFile } from 'node:fs/promises';
// write-file-atomic (a dependency of this package): writes a temp file, fsyncs it and renames it over the
// target, so a crash leaves the old file or the new one, never half of either.
import writeFileAtomic from 'write-file-atomic';
import type { AutoloopState, IterationLogEntry, StateStore } from '../autoloop-types';
import { AutoloopStateError } from './autoloop-state-error';
import { repairTornTail, type TornLine } from './read-log';
import { statePaths } from './state-paths';
import { autoloopStateSchema, firstIssue, iterationLogEntrySchema, parseAutoloopState } from './state-schema';

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

function invalidWrite(file: string, what: string, error: Parameters<typeof firstIssue>[0]): AutoloopStateError {
  const { field, message } = firstIssue(error);
  return new AutoloopStateError({
    problem: 'invalid_write',
    file,
    field,
    detail: `refused to write an invalid ${what}: ${message}`,
    action: 'this is a bug in the caller, please report it (the file on disk was left as it was)',
    cause: error,
  });
}

export interface FileStateStoreOptions {
  /** Told when an append found the log's last line torn by a crash and dropped it before appending. */
  readonly onTornLine?: (torn: TornLine) => void;
}

/**
 * The `StateStore` of a state root on disk: `autoloop_state.json`, `iteration_log.jsonl` and
 * `handoffs/iteration-<n>.md`. Folders are created on first write. A state that cannot be read is an
 * `AutoloopStateError` naming the file, never a reset.
 */
export function fileStateStore(stateRoot: string, options: FileStateStoreOptions = {}): StateStore {
  const paths = statePaths(stateRoot);

  return {
    async read(): Promise<AutoloopState | null> {
      let text: string;
      try {
        text = await readFile(paths.state, 'utf8');
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new AutoloopStateError({
          problem: 'not_json',
          file: paths.state,
          detail: `not JSON (${text.length === 0 ? 'the file is empty' : (error as Error).message})`,
          action:
            'restore it from a backup or fix it by hand; the loop does not reset a state it cannot read (the file was not modified)',
          cause: error,
        });
      }
      return parseAutoloopState(value, paths.state);
    },

    async write(state: AutoloopState): Promise<void> {
      const parsed = autoloopStateSchema.safeParse(state);
      if (!parsed.success) throw invalidWrite(paths.state, 'autoloop state', parsed.error);
      await mkdir(paths.root, { recursive: true });
      await writeFileAtomic(paths.state, `${JSON.stringify(parsed.data, null, 2)}\n`);
    },

    async appendLog(entry: IterationLogEntry): Promise<void> {
      const parsed = iterationLogEntrySchema.safeParse(entry);
      if (!parsed.success) throw invalidWrite(paths.log, 'iteration log entry', parsed.error);
      await mkdir(paths.root, { recursive: true });
      const handle = await open(paths.log, 'a+');
      try {
        const torn = await repairTornTail(handle);
        if (torn !== null) options.onTornLine?.(torn);
        // One write call per line, then fsync: the line is durable before the state that counts it is written.
        await handle.appendFile(`${JSON.stringify(parsed.data)}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    },

    async writeHandoff(iteration: number, markdown: string): Promise<void> {
      if (!Number.isInteger(iteration) || iteration < 0) {
        throw new RangeError(`handoff iteration must be a non-negative integer, got ${iteration}`);
      }
      await mkdir(paths.handoffs, { recursive: true });
      await writeFileAtomic(paths.handoff(iteration), markdown);
    },
  };
}
