import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '@ratchet/config';
import pc from 'picocolors';
import { cliInvocation } from '../cli-invocation';
import { starterFiles } from './starter-files';

/** The config JSON Schema this CLI ships (found above this module, from the sources or the build). */
function schemaFile(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let up = 0; up < 4; up++) {
    const candidate = join(dir, 'ratchet.config.schema.json');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return null;
}

/**
 * `ratchet init [folder]`: writes the starter files, refusing to overwrite any unless `force`, and says
 * what to edit next and which commands to run.
 *
 * @throws {UsageError} naming the files that already exist.
 */
export async function initProject(folder: string, options: { force: boolean }): Promise<string> {
  const root = resolve(folder);
  const schema = schemaFile();
  const files = starterFiles(schema === null ? null : relative(root, schema).split('\\').join('/'));
  const existing = Object.keys(files).filter((name) => existsSync(join(root, name)));
  if (existing.length > 0 && !options.force) {
    throw new UsageError(
      `${existing.map((name) => join(folder, name)).join(', ')} already exist${existing.length === 1 ? 's' : ''}; nothing was written. Use --force to overwrite, or choose another folder (ratchet init my-eval)`,
    );
  }
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), text);
  }
  const ratchet = cliInvocation();
  const config = relative(process.cwd(), join(root, 'ratchet.config.json')) || 'ratchet.config.json';
  const at = root === process.cwd() ? '' : ` ${config}`;
  return [
    pc.bold(`Wrote a starter evaluation in ${root}:`),
    '  ratchet.config.json       what runs: the dataset, the judge, the agent, the arms',
    '  tasks.jsonl               4 tasks, one per line: {"id", "input", "expected", "split"}',
    '  example-agent/agent.mjs   a stand-in agent (no model): right on + − ×, wrong on ÷',
    '',
    pc.bold('Edit next:'),
    '  1. the agent: "worker" in ratchet.config.json: a preset ({ "kind": "preset", "preset": "claude-code" }),',
    '     your own command ({message} is the prompt), or a model ("openai:gpt-4o-mini")',
    '  2. the dataset: tasks.jsonl, your tasks, with "split" train, val or holdout',
    '  3. the judge: "judge": numeric, exact, regex, or a command that checks the output',
    '',
    pc.bold('Then:'),
    `  ${ratchet} validate${at}          can the tasks tell an answer from no answer`,
    `  ${ratchet} run${at} --dry-run     the plan: arms, tasks, cells, cost; nothing runs`,
    `  ${ratchet} run${at}               run it (offline with the stand-in agent) and see the report`,
  ].join('\n');
}
