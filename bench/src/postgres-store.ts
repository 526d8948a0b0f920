import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Corpus, openCorpus } from '@ratchet/corpus';
import { openPostgresCorpus } from '@ratchet/corpus-postgres';
import { describeTestServer, testDatabase, testServerVariable } from '@ratchet/corpus-postgres/test';
import { fillForPairs, rate } from './corpus-throughput';
import { formatTable } from './format-table';

// Fixed before measuring: the corpus section's sizes, so the SQLite column matches its figures.
const batchSize = 1000;
const batchedRecords = 100_000;
const singleRecords = 1_000;

interface StoreFigures {
  batched: number;
  single: number;
  fillSeconds: number;
  pairsResolvedMs: number;
  pairsObjectiveMs: number;
  tasks: number;
}

async function measure(
  label: string,
  open: (name: string) => Promise<Corpus>,
  onProgress: (message: string) => void,
): Promise<StoreFigures> {
  const corpus = await open('append');
  const batched = await rate(corpus, batchedRecords, batchSize, 'batched');
  const single = await rate(corpus, singleRecords, 1, 'single');
  await corpus.close();
  const big = await open('pairs');
  try {
    const started = performance.now();
    await fillForPairs(big, (done) =>
      onProgress(`postgres: ${label}: ${done.toLocaleString('en')} / 1,000,000 attempts written`),
    );
    const fillSeconds = (performance.now() - started) / 1000;
    const query = { baseline: { runId: 'pairs', armId: 'random' }, candidate: { runId: 'pairs', armId: 'refine' } };
    const timed = async (metric: Parameters<Corpus['pairs']>[0]['metric']) => {
      const begun = performance.now();
      const pairs = await big.pairs({ ...query, metric });
      return { ms: performance.now() - begun, tasks: pairs.taskIds.length };
    };
    await timed('resolved'); // warm-up, not reported
    const resolved = await timed('resolved');
    const objective = await timed({ objective: 'correct' });
    return {
      batched,
      single,
      fillSeconds,
      pairsResolvedMs: resolved.ms,
      pairsObjectiveMs: objective.ms,
      tasks: resolved.tasks,
    };
  } finally {
    await big.close();
  }
}

const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')} records/s`;

/**
 * The PostgreSQL store beside the SQLite one on the same work: append throughput (batches of 1,000, and
 * one record per call) and `pairs()` over 1,000,000 attempts behind 250,000 cells. Needs a server: it
 * reads `RATCHET_TEST_POSTGRES_URL`, works in a database of its own, drops it after, and says it skipped
 * when the variable is not set.
 */
export async function benchPostgres(onProgress: (message: string) => void): Promise<string> {
  if (!process.env[testServerVariable]) {
    return `PostgreSQL store: skipped — ${testServerVariable} is not set (tools/postgres-test-server.mjs starts a throwaway server; or set it to postgres://USER@HOST:PORT/DATABASE).`;
  }
  const server = await describeTestServer();
  const database = testDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-bench-pg-'));
  try {
    const sqlite = await measure('SQLite', (name) => openCorpus(`sqlite:${join(dir, `${name}.db`)}`), onProgress);
    const postgres = await measure(
      'PostgreSQL',
      async (name) => {
        const url = new URL(await database.url());
        url.searchParams.set('schema', name);
        return openPostgresCorpus(url.href);
      },
      onProgress,
    );
    const row = (measure: string, pick: (figures: StoreFigures) => string) => [measure, pick(sqlite), pick(postgres)];
    return [
      `PostgreSQL store (node-postgres, one client process, the server on this machine: ${server}) beside SQLite (node:sqlite, WAL, one file):`,
      formatTable(
        ['measure', 'SQLite', 'PostgreSQL'],
        [
          row(`append, batches of ${batchSize} (${batchedRecords.toLocaleString('en')} records)`, (f) =>
            perSecond(f.batched),
          ),
          row(`append, one record per call (${singleRecords.toLocaleString('en')} records)`, (f) =>
            perSecond(f.single),
          ),
          row('fill: 1,000,000 attempts + 250,000 cells (batches of 5,000)', (f) => `${f.fillSeconds.toFixed(1)} s`),
          row(
            `pairs() on resolved, ${sqlite.tasks.toLocaleString('en')} tasks`,
            (f) => `${f.pairsResolvedMs.toFixed(0)} ms`,
          ),
          row('pairs() on a verdict objective (JSON)', (f) => `${f.pairsObjectiveMs.toFixed(0)} ms`),
        ],
      ),
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await database.drop();
  }
}
