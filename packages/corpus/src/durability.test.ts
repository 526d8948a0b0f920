import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { openCorpus } from './open-corpus';
import { parseRunRecord } from './parse-record';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const writerScript = join(packageDir, 'src', 'fixtures', 'append-writer.ts');

function startWriter(path: string, writer: string, count: number, batch: number) {
  return execa(
    process.execPath,
    ['--import', 'tsx', '--conditions=@ratchet/source', writerScript, path, writer, String(count), String(batch)],
    {
      cwd: packageDir,
      buffer: { stdout: false },
      reject: false,
    },
  );
}

const scratch = () => join(mkdtempSync(join(tmpdir(), 'ratchet-durability-')), 'corpus.db');

describe('corpus durability', () => {
  it('keeps every acknowledged record, and no partial one, when the writer is SIGKILLed mid-stream', async () => {
    const path = scratch();
    const writer = startWriter(path, 'killed', 1_000_000, 1);
    const acknowledged: string[] = [];
    await new Promise<void>((resolve) => {
      writer.stdout?.on('data', (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
        if (acknowledged.length >= 300) resolve();
      });
    });
    writer.kill('SIGKILL');
    const result = await writer;
    expect(result.signal).toBe('SIGKILL');

    const corpus = await openCorpus(`sqlite:${path}`);
    const stored = await corpus.records();
    const ids = new Set(stored.map((record) => record.recordId));
    for (const id of acknowledged) expect(ids.has(id)).toBe(true);
    // Every stored row is a whole, valid record (at most a few committed but not yet acknowledged).
    for (const record of stored) expect(() => parseRunRecord(record)).not.toThrow();
    expect(stored.length).toBeGreaterThanOrEqual(acknowledged.length);
    await corpus.close();
  }, 60_000);

  it('loses nothing when two processes append at once', async () => {
    const path = scratch();
    // Create the schema first so both writers open an existing corpus (they may also race to create it).
    await (await openCorpus(`sqlite:${path}`)).close();
    const [first, second] = await Promise.all([startWriter(path, 'left', 600, 7), startWriter(path, 'right', 600, 1)]);
    expect(first.exitCode).toBe(0);
    expect(second.exitCode).toBe(0);
    const corpus = await openCorpus(`sqlite:${path}`);
    const stored = await corpus.records();
    expect(stored).toHaveLength(1200);
    expect(new Set(stored.map((record) => record.recordId)).size).toBe(1200);
    expect((await corpus.records({ armId: 'left' })).length).toBe(600);
    await corpus.close();
  }, 60_000);

  it('migrates once when two processes open a new corpus at the same moment', async () => {
    const path = scratch();
    const [first, second] = await Promise.all([startWriter(path, 'a', 5, 5), startWriter(path, 'b', 5, 5)]);
    expect([first.exitCode, second.exitCode]).toEqual([0, 0]);
    const corpus = await openCorpus(`sqlite:${path}`);
    expect((await corpus.stats()).attempts).toBe(10);
    await corpus.close();
  }, 60_000);
});
