import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testBackend, testDatabase } from '@ratchet/corpus-postgres/test';
import { afterAll, describe, expect, it } from 'vitest';
import { packageDir, ratchet } from './test/ratchet-cli';

const backend = testBackend();
const database = testDatabase();
afterAll(() => database.drop());
if (backend.kind === 'pglite') {
  console.log(`ratchet run --queue: skipped, workers are processes that need a server (${backend.reason})`);
}

/** Eight arithmetic tasks (train), four of them divisions the agent gets wrong. */
function writeDataset(dir: string): string {
  const path = join(dir, 'tasks.jsonl');
  const tasks = Array.from({ length: 8 }, (_, index) => {
    const op = index % 2 === 0 ? '+' : '÷';
    const expected = op === '+' ? index + 10 : index / 2;
    return { id: `t${index}`, input: `What is ${index} ${op} ${op === '+' ? 10 : 2}?`, expected, split: 'train' };
  });
  writeFileSync(path, `${tasks.map((task) => JSON.stringify(task)).join('\n')}\n`);
  return path;
}

function writeConfig(dir: string): string {
  const config = join(dir, 'ratchet.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      environment: { kind: 'jsonl', path: writeDataset(dir) },
      worker: {
        kind: 'command',
        id: 'slow-arithmetic-agent',
        command: process.execPath,
        args: [join(packageDir, 'src/fixtures/slow-arithmetic-agent.mjs'), '{message}'],
      },
      judge: { kind: 'numeric', parse: 'last-number' },
      arms: [
        { strategy: 'random', k: 2 },
        { strategy: 'refine', k: 2 },
      ],
      concurrency: 1,
      seed: 5,
    }),
  );
  return config;
}

/**
 * An export's lines without what differs between two runs of the same cells: times and durations, and
 * the command that resumes the run (it names the store and the queue).
 */
function comparable(file: string): string[] {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !/(At|Ms|Seconds)$/.test(key) && key !== 'resumeCommand')
        .map(([key, inner]) => [key, strip(inner)]),
    );
  };
  return (
    readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.stringify(strip(JSON.parse(line))))
      // A trace summary is JSON in a string: its event times too.
      .map((line) => line.replace(/\\"atMs\\":\d+/g, '\\"atMs\\":0'))
      .sort()
  );
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe.skipIf(backend.kind === 'pglite')('ratchet run --queue with ratchet worker processes', () => {
  it('records every cell once when a worker is SIGKILLed mid-cell, and exports what a local SQLite run does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-queue-'));
    const config = writeConfig(dir);
    const marks = join(dir, 'marks');
    mkdirSync(marks);
    const shared = await database.schemaUrl();

    // The same run locally, on SQLite: the reference.
    const local = `sqlite:${join(dir, 'local.db')}`;
    const reference = await ratchet(['--store', local, 'run', config], { env: { SLOW_AGENT_MS: '50' } });
    expect(reference.exitCode, reference.stderr).toBe(0);
    const runId = /Run (\S+) · jsonl-dataset/.exec(reference.stdout)?.[1] ?? '';
    expect(runId).toMatch(/^jsonl-dataset-[0-9a-f]{10}$/);

    // Three workers; the first is killed during the first attempt it starts.
    const env = { SLOW_AGENT_MS: '300', SLOW_AGENT_MARKS: marks };
    const workers = [0, 1, 2].map(() => ratchet(['worker', '--queue', shared], { env }));
    const coordinator = ratchet(['run', config, '--queue', shared, '--heartbeat', '10'], { env });
    const victim = workers[0];
    const victimPid = victim?.pid ?? -1;
    await until(
      () => readdirSync(marks).some((mark) => mark.startsWith(`${victimPid}-`)),
      60_000,
      'a cell on worker 1',
    );
    victim?.kill('SIGKILL');

    const run = await coordinator;
    expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toContain(`Run ${runId} · jsonl-dataset · completed (16/16 cells recorded)`);
    for (const worker of workers.slice(1)) worker.kill('SIGINT');
    const [killed, ...others] = await Promise.all(workers);
    expect(killed?.signal).toBe('SIGKILL');
    // Every cell ran on the two survivors after the kill, once: the killed worker's cell went to one of them.
    const ran = others.flatMap((worker) => worker.stderr.match(/^(resolved|failed) +\S+/gm) ?? []);
    expect(new Set(ran.map((line) => line.split(/ +/)[1])).size).toBe(ran.length);

    const exports = { local: join(dir, 'local.jsonl'), shared: join(dir, 'shared.jsonl') };
    for (const [store, file] of [
      [local, exports.local],
      [shared, exports.shared],
    ] as const) {
      const exported = await ratchet(['--store', store, 'corpus', 'export', '--run', runId, file]);
      expect(exported.exitCode, exported.stderr).toBe(0);
    }
    const [sharedLines, localLines] = [comparable(exports.shared), comparable(exports.local)];
    expect(sharedLines.filter((line) => line.includes('"kind":"cell"'))).toHaveLength(16);
    const differing = sharedLines.filter((line, index) => line !== localLines[index]);
    expect(differing.slice(0, 2), `of ${differing.length} differing lines`).toEqual([]);
    expect(sharedLines).toHaveLength(localLines.length);
  }, 150_000);
});

describe('ratchet run --queue and ratchet worker: bad usage', () => {
  it('refuses a store workers elsewhere cannot reach, a queue that is not PostgreSQL, and a worker without a queue', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-queue-usage-'));
    const config = writeConfig(dir);
    const local = await ratchet([
      '--store',
      `sqlite:${join(dir, 'c.db')}`,
      'run',
      config,
      '--queue',
      'postgres://h/db',
    ]);
    expect(local.exitCode).toBe(2);
    expect(local.stderr).toContain('--queue needs a store every worker can reach');
    const [notPostgres, noQueue] = await Promise.all([
      ratchet(['worker', '--queue', 'redis://h']),
      ratchet(['worker']),
    ]);
    expect(notPostgres.exitCode).toBe(2);
    expect(notPostgres.stderr).toContain('expected a postgres:// URL');
    expect(noQueue.exitCode).toBe(2);
    expect(noQueue.stderr).toContain("required option '--queue <url>' not specified");
  }, 30_000);
});
