import { existsSync } from 'node:fs';
import { UsageError } from '@ratchet/config';
import { type Corpus, openCorpus, storeFilePath } from '@ratchet/corpus';
import { cliInvocation } from '../cli-invocation';

/**
 * Opens a corpus for a command that only reads (`report`, `runs`, `corpus stats`, `corpus export`): an
 * SQLite file that does not exist is not created, so a typo in `--store` or a command run in the wrong
 * folder says there is no corpus there instead of leaving an empty one behind.
 *
 * @throws {UsageError} naming the path and the commands that record something.
 */
export async function openExistingCorpus(store: string): Promise<Corpus> {
  const file = storeFilePath(store);
  if (file !== null && !existsSync(file)) {
    const ratchet = cliInvocation();
    throw new UsageError(
      `there is no corpus at ${file} (--store ${store}); nothing has been recorded there yet. Record a run first (\`${ratchet} demo\`, or \`${ratchet} run <config>\`), or pass the --store a run wrote to`,
    );
  }
  return openCorpus(store);
}
