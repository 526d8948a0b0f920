import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '@ratchet/config';

/**
 * Checks, before any work, that the folder a file is to be written into exists — so `--html
 * missing/report.html` is a clear usage error up front, not a raw ENOENT after the report was printed.
 *
 * @throws {UsageError} naming the flag, the folder and what to do.
 */
export async function assertFolderExists(file: string, what: string): Promise<void> {
  const folder = dirname(resolve(file));
  const found = await stat(folder).catch(() => null);
  if (found?.isDirectory()) return;
  throw new UsageError(
    `${what} ${file}: the folder ${folder} does not exist; create it first (mkdir -p ${folder}) or write elsewhere`,
  );
}
