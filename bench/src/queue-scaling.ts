import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPostgresCorpus } from '@ratchet/corpus-postgres';
import { describeTestServer, testDatabase, testServerVariable } from '@ratchet/corpus-postgres/test';
import { type CellJob, CellQueue } from '@ratchet/queue';
import { formatTable } from './format-table';

// Fixed before measuring.
const overheadJobs = 200;
const burstJobs = 1000;
const workerCounts = [1, 2, 4, 8, 16];
const scalingTasks = 40; // × 2 arms at k = 1: 80 cells, one attempt each
const agentSleepMs = 200;

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'apps', 'bench', 'src', 'cli.ts');
const tsx = import.meta.resolve('tsx');

const job = (index: number): CellJob => ({
  runId: 'overhead',
  cellId: `overhead/arm/t${index}/r0`,
  armId: 'arm',
  taskId: `t${index}`,
  replicate: 0,
  redoTry: null,
  run: {},
});

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

/** Enqueue → start of one job at a time with an instant handler; then a burst drained by one slot. */
async function overhead(url: string) {
  const queue = await CellQueue.open(url);
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  let handled = 0;
  let wake: () => void = () => undefined;
  try {
    await queue.work({
      concurrency: 1,
      run: async ({ job: taken }) => {
        const at = sent.get(taken.cellId);
        if (at !== undefined) latencies.push(performance.now() - at);
        handled++;
        wake();
      },
      dead: async () => undefined,
    });
    const one = async (index: number) => {
      const done = new Promise<void>((resolve) => {
        wake = resolve;
      });
      sent.set(job(index).cellId, performance.now());
      await queue.enqueue([job(index)]);
      await done;
    };
    for (let index = 0; index < 10; index++) await one(index); // warm-up, not reported
    latencies.length = 0;
    for (let index = 10; index < 10 + overheadJobs; index++) await one(index);
    const before = handled;
    const burst = Array.from({ length: burstJobs }, (_, index) => job(100_000 + index));
    const started = performance.now();
    await queue.enqueue(burst);
    while (handled - before < burstJobs) await new Promise((resolve) => setTimeout(resolve, 5));
    const burstSeconds = (performance.now() - started) / 1000;
    return { median: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), perSecond: burstJobs / burstSeconds };
  } finally {
    await queue.stopWorking();
    await queue.close();
  }
}

function ratchet(args: string[], cwd: string): ChildProcess {
  return spawn(process.execPath, ['--import', tsx, '--conditions=@ratchet/source', cli, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1))));

function writeRun(dir: string): string {
  const tasks = Array.from({ length: scalingTasks }, (_, index) =>
    JSON.stringify({ id: `t${index}`, input: `What is ${index} + 5?`, expected: index + 5, split: 'train' }),
  );
  writeFileSync(join(dir, 'tasks.jsonl'), `${tasks.join('\n')}\n`);
  const config = join(dir, 'ratchet.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      environment: { kind: 'jsonl', path: 'tasks.jsonl' },
      // A model call's latency, without its CPU: a shell that sleeps, then answers.
      worker: {
        kind: 'command',
        id: 'sleeping-agent',
        command: '/bin/sh',
        args: ['-c', `sleep ${agentSleepMs / 1000}; echo The answer is 5.`, 'sh', '{message}'],
      },
      judge: { kind: 'numeric', parse: 'last-number' },
      arms: [
        { strategy: 'random', k: 1 },
        { strategy: 'refine', k: 1 },
      ],
    }),
  );
  return config;
}

/** `workers` `ratchet worker` processes take one run's cells; cells/s from the first start to the last record. */
async function scaling(url: string, workers: number, dir: string, onProgress: (message: string) => void) {
  const config = writeRun(dir);
  const children = Array.from({ length: workers }, () => ratchet(['worker', '--queue', url], dir));
  try {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve, reject) => {
            let seen = '';
            child.stderr?.on('data', (chunk: Buffer) => {
              seen += chunk.toString();
              if (seen.includes('taking cells')) resolve();
            });
            child.once('exit', () => reject(new Error(`a worker exited before taking cells: ${seen}`)));
          }),
      ),
    );
    onProgress(`queue: ${workers} worker(s) up; running ${scalingTasks * 2} cells`);
    const coordinator = ratchet(['run', config, '--queue', url, '--run-id', `scale-${workers}`], dir);
    const code = await exited(coordinator);
    if (code !== 0) throw new Error(`ratchet run --queue exited ${code}`);
  } finally {
    for (const child of children) child.kill('SIGINT');
    await Promise.all(children.map(exited));
  }
  const corpus = await openPostgresCorpus(url);
  try {
    const cells = await corpus.cells({ runId: `scale-${workers}` });
    const ends = cells.map((cell) => Date.parse(cell.createdAt));
    const starts = cells.map((cell, index) => (ends[index] ?? 0) - (cell.spend.wallMs ?? 0));
    const seconds = (Math.max(...ends) - Math.min(...starts)) / 1000;
    const perSecond = cells.length / seconds;
    return { cells: cells.length, seconds, perSecond, efficiency: perSecond / (workers * (1000 / agentSleepMs)) };
  } finally {
    await corpus.close();
  }
}

/**
 * The cell queue (pg-boss on the PostgreSQL of `RATCHET_TEST_POSTGRES_URL`): the overhead of one cell
 * from enqueue to a worker starting it, with an instant worker; and how a run's throughput grows with
 * `ratchet worker` processes on this machine when each attempt waits 200 ms like a model call.
 */
export async function benchQueue(onProgress: (message: string) => void): Promise<string> {
  if (!process.env[testServerVariable]) {
    return `Cell queue: skipped — ${testServerVariable} is not set (tools/postgres-test-server.mjs starts a throwaway server).`;
  }
  const server = await describeTestServer();
  const database = testDatabase();
  const schemaUrl = async (schema: string) => {
    const url = new URL(await database.url());
    url.searchParams.set('schema', schema);
    return url.href;
  };
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-bench-queue-'));
  try {
    onProgress('queue: enqueue → start, one job at a time');
    const cost = await overhead(await schemaUrl('overhead'));
    const rows: string[][] = [];
    for (const workers of workerCounts) {
      const result = await scaling(await schemaUrl(`scale_${workers}`), workers, dir, onProgress);
      rows.push([
        String(workers),
        `${result.cells}`,
        `${result.seconds.toFixed(1)} s`,
        result.perSecond.toFixed(2),
        (workers * (1000 / agentSleepMs)).toFixed(0),
        `${(100 * result.efficiency).toFixed(0)}%`,
      ]);
    }
    return [
      `Cell queue (pg-boss 12, LISTEN/NOTIFY; ${server}):`,
      `  enqueue → start, instant worker, one job at a time (${overheadJobs} jobs): median ${cost.median.toFixed(1)} ms, p95 ${cost.p95.toFixed(1)} ms`,
      `  a burst of ${burstJobs} jobs drained by one instant worker slot: ${cost.perSecond.toFixed(0)} jobs/s`,
      '',
      `Scaling: \`ratchet worker\` processes (1 cell at a time each) on this machine's 2 cores, ${scalingTasks * 2} cells, one attempt each that sleeps ${agentSleepMs} ms (a model call's wait, no CPU); cells/s from the first cell's start to the last cell's record:`,
      formatTable(['workers', 'cells', 'span', 'cells/s', 'linear', 'efficiency'], rows),
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  }
}
