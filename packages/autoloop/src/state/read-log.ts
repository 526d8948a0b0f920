import type { FileHandle } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import type { IterationLogEntry } from '../autoloop-types';
import { AutoloopStateError } from './autoloop-state-error';
import { statePaths } from './state-paths';
import { parseIterationLogEntry } from './state-schema';

const NEWLINE = 0x0a;

/** A last line a crash cut short: where it was and how long, never its content. */
export interface TornLine {
  /** 1-based line number in `iteration_log.jsonl`. */
  readonly line: number;
  readonly bytes: number;
}

export interface ReadLogResult {
  readonly entries: readonly IterationLogEntry[];
  /** The torn final line that was skipped, or null when the log ended cleanly. */
  readonly torn: TornLine | null;
}

/** True when the bytes are a whole JSON value: a line whose newline alone was lost is not torn. */
function isWholeJson(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads `iteration_log.jsonl` of a state root. A final line without its newline that is not whole JSON
 * was torn by a crash mid-append: it is skipped and reported in `torn`, so the next read still works.
 * A bad line anywhere else is corruption, not a crash, and throws.
 * @throws AutoloopStateError naming the file and line (`not_json` or `invalid`).
 */
export async function readLog(stateRoot: string): Promise<ReadLogResult> {
  const file = statePaths(stateRoot).log;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], torn: null };
    throw error;
  }
  const entries: IterationLogEntry[] = [];
  let torn: TornLine | null = null;
  let start = 0;
  for (let line = 1; start < bytes.length; line++) {
    const end = bytes.indexOf(NEWLINE, start);
    const last = end === -1;
    const chunk = bytes.subarray(start, last ? bytes.length : end);
    start = last ? bytes.length : end + 1;
    if (chunk.toString('utf8').trim() === '') continue;
    if (last && !isWholeJson(chunk)) {
      torn = { line, bytes: chunk.length };
      break;
    }
    let value: unknown;
    try {
      value = JSON.parse(chunk.toString('utf8'));
    } catch (error) {
      throw new AutoloopStateError({
        problem: 'not_json',
        file: `${file}:${line}`,
        detail: 'this log line is not JSON, and it is not the last line, so it was not torn by a crash',
        action: 'remove or fix that line by hand (the file was not modified)',
        cause: error,
      });
    }
    entries.push(parseIterationLogEntry(value, file, line));
  }
  return { entries, torn };
}

/**
 * Before an append: if the log does not end with a newline, the last line was torn by a crash. A torn
 * fragment is cut off (that entry was never durably logged); a whole JSON line that lost only its newline
 * gets it back. Returns the torn line that was dropped, or null.
 */
export async function repairTornTail(handle: FileHandle): Promise<TornLine | null> {
  const { size } = await handle.stat();
  if (size === 0) return null;
  const lastByte = Buffer.alloc(1);
  await handle.read(lastByte, 0, 1, size - 1);
  if (lastByte[0] === NEWLINE) return null;
  const bytes = Buffer.alloc(size);
  await handle.read(bytes, 0, size, 0);
  const cut = bytes.lastIndexOf(NEWLINE) + 1;
  const fragment = bytes.subarray(cut);
  if (isWholeJson(fragment)) {
    await handle.appendFile('\n', 'utf8');
    return null;
  }
  let line = 1;
  for (let i = 0; i < cut; i++) if (bytes[i] === NEWLINE) line++;
  await handle.truncate(cut);
  return { line, bytes: fragment.length };
}
