import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { finished } from 'node:stream/promises';
import { UsageError } from '@ratchet/config';
import { exportJsonl, ProtectedRunError } from '@ratchet/corpus';
import { openExistingCorpus } from './open-existing-corpus';

export interface PruneOptions {
  runId: string;
  /** Skip the JSONL export written before anything is deleted. */
  backup: boolean;
  /** Delete without asking (required without a terminal). */
  yes: boolean;
  /** Where the backup goes; default `ratchet-backup-<run>-<time>.jsonl` in this folder. */
  backupFile?: string;
  /** Asks y/N on the terminal; undefined when stdin is not a terminal. */
  confirm?: (question: string) => Promise<boolean>;
  print: (text: string) => void;
}

/** Asks on the terminal, default no. */
export async function askYesNo(question: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await terminal.question(`${question} [y/N] `)).trim());
  } finally {
    terminal.close();
  }
}

/**
 * `ratchet corpus prune --run ID`: shows what will go (attempts, cells), asks (or needs --yes without
 * a terminal), exports the run as JSONL first unless --no-backup, then deletes it in one transaction.
 * The holdout ledger is never touched; the store refuses a run a gate decision was taken on.
 *
 * @throws {UsageError} for an unknown run, no confirmation, or a protected run (exit 2).
 */
export async function corpusPrune(store: string, options: PruneOptions): Promise<string> {
  const corpus = await openExistingCorpus(store);
  try {
    const manifest = await corpus.manifest(options.runId);
    if (!manifest) throw new UsageError(`run ${options.runId} is not in ${corpus.url}; see \`ratchet runs\``);
    const attempts = (await corpus.recordIds({ runId: options.runId })).length;
    const cells = (await corpus.cells({ runId: options.runId })).length;
    const what = `run ${options.runId} (${manifest.benchmark}, ${manifest.status}): its manifest, ${attempts} attempts, ${cells} cells and the blobs only they use`;
    if (!options.yes) {
      if (options.confirm === undefined) {
        throw new UsageError(`pruning deletes ${what}; without a terminal to confirm on, pass --yes`);
      }
      if (!(await options.confirm(`Delete ${what}?`))) return 'Nothing deleted.';
    }
    let backup: string | null = null;
    if (options.backup) {
      backup =
        options.backupFile ?? `ratchet-backup-${options.runId}-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`;
      const output = createWriteStream(backup, { flags: 'wx' });
      await exportJsonl(corpus, { runId: options.runId }, output);
      output.end();
      await finished(output);
      options.print(`Backup: ${backup} (restore with \`ratchet corpus import ${backup}\`)`);
    }
    try {
      const deleted = await corpus.deleteRun(options.runId);
      return `Deleted run ${deleted.runId}: ${deleted.attempts} attempts, ${deleted.cells} cells, ${deleted.blobs} blobs. The holdout ledger and the optimizer's records were not touched.`;
    } catch (error) {
      if (ProtectedRunError.isInstance(error)) {
        throw new UsageError(`${error.message}${backup === null ? '' : ` (the backup ${backup} was written anyway)`}`, {
          cause: error,
        });
      }
      throw error;
    }
  } finally {
    await corpus.close();
  }
}
