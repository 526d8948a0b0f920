import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { exportJsonl, openCorpus } from '@ratchet/corpus';
import { buildCellRecord, buildManifest, buildOptimizationRecord, buildRunRecord } from '@ratchet/corpus/test';
import { testBackend, testDatabase } from '@ratchet/corpus-postgres/test';
import { afterAll, describe, expect, it } from 'vitest';
import { ratchet } from './test/ratchet-cli';

const backend = testBackend();
const database = testDatabase();
afterAll(() => database.drop());
if (backend.kind === 'pglite') {
  console.log(`ratchet corpus copy: skipped, the CLI runs in child processes that need a server (${backend.reason})`);
}

/** The store's JSON Lines export, as `ratchet corpus export` writes it. */
async function exported(store: string): Promise<string> {
  const corpus = await openCorpus(store);
  try {
    const stream = new PassThrough();
    const done = exportJsonl(corpus, {}, stream).then(() => stream.end());
    const body = await text(stream);
    await done;
    return body;
  } finally {
    await corpus.close();
  }
}

describe.skipIf(backend.kind === 'pglite')('ratchet corpus copy', () => {
  it('copies SQLite → PostgreSQL → SQLite, verified, and the last store exports what the first did', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-copy-'));
    const first = `sqlite:${join(dir, 'first.db')}`;
    const last = `sqlite:${join(dir, 'last.db')}`;
    const shared = await database.schemaUrl();
    const source = await openCorpus(first);
    const trace = await source.putBlob('{"events":[1,2,3]}', 'application/json');
    await source.putManifest(buildManifest({ status: 'completed', stopReason: 'completed' }));
    await source.append([
      buildRunRecord({ trace: { summary: 'three events', events: 3, blob: trace } }),
      buildRunRecord({ recordId: 'r-2', attempt: 1, verdict: null }),
      buildCellRecord({ attemptIds: ['run-1/random/task-1/0/0', 'r-2'], attempts: 2 }),
      buildRunRecord({ recordId: 'other-task', taskId: 'task-ü', createdAt: '2026-01-01T00:00:00.000Z' }),
    ]);
    await source.putOptimization(buildOptimizationRecord());
    await source.close();

    const there = await ratchet(['corpus', 'copy', '--from', first, '--to', shared]);
    expect(there.exitCode, there.stderr).toBe(0);
    expect(there.stdout).toMatch(
      /^copied sqlite:.*first\.db → postgres(ql)?:\/\/.*: 1 runs, 3 attempts, 1 cells, 1 blobs, 1 optimizations/,
    );
    expect(there.stdout).toMatch(/verified: both export the same 5 runs, attempts and cells, sha256 [0-9a-f]{64}/);
    const back = await ratchet(['corpus', 'copy', '--from', shared, '--to', last]);
    expect(back.exitCode, back.stderr).toBe(0);
    const digest = (output: string) => /sha256 ([0-9a-f]{64})/.exec(output)?.[1];
    expect(digest(back.stdout)).toBe(digest(there.stdout));

    const [firstExport, lastExport] = await Promise.all([exported(first), exported(last)]);
    expect(firstExport.split('\n')).toHaveLength(8);
    expect(lastExport).toBe(firstExport);

    // A copy goes into an empty store only: nothing is merged by accident.
    const again = await ratchet(['corpus', 'copy', '--from', first, '--to', shared]);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/the target corpus postgres(ql)?:\/\/.* is not empty/);
  }, 60_000);
});
