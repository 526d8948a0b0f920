import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus } from '@ratchet/corpus';
import { buildCellRecord, buildManifest } from '@ratchet/corpus/test';
import type { RunsList } from '@ratchet/viewer';
import { describe, expect, it } from 'vitest';
import { ratchet } from './test/ratchet-cli';

describe('ratchet view', () => {
  it('refuses a store that does not exist, naming the path, and creates nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-view-'));
    const result = await ratchet(['--store', `sqlite:${join(dir, 'typo.db')}`, 'view', '--port', '0']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`there is no corpus at ${join(dir, 'typo.db')}`);
    expect(existsSync(join(dir, 'typo.db'))).toBe(false);
  });

  it('prints the URL it serves, the URL answers with the corpus’s runs, and Ctrl+C stops it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-view-'));
    const store = `sqlite:${join(dir, 'corpus.db')}`;
    const corpus = await openCorpus(store);
    await corpus.putManifest(buildManifest({ runId: 'dsl-viewed', status: 'completed' }));
    await corpus.append([buildCellRecord({ cellId: 'dsl-viewed/random/task-1/0', runId: 'dsl-viewed' })]);
    await corpus.close();

    const unknown = await ratchet(['--store', store, 'view', 'nope', '--port', '0']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('no run "nope"');

    const child = ratchet(['--store', store, 'view', 'dsl-viewed', '--port', '0']);
    let printed = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
        const found = printed.match(/^(http:\/\/127\.0\.0\.1:\d+\/)$/m);
        if (found?.[1]) resolve(found[1]);
      });
      child.then((result) => reject(new Error(`ratchet view exited early: ${result.stderr}`)));
    });
    try {
      expect(printed).toContain(`Ratchet viewer for sqlite:${join(dir, 'corpus.db')}`);
      // The run named on the command line gets its deep link.
      expect(printed).toContain(`run dsl-viewed: ${url}runs/dsl-viewed`);
      const runs = (await (await fetch(`${url}api/runs`)).json()) as RunsList;
      expect(runs.runs.map((run) => run.runId)).toEqual(['dsl-viewed']);
      expect(runs.runs[0]?.cells.recorded).toBe(1);
      const page = await fetch(`${url}runs/dsl-viewed`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
    } finally {
      child.kill('SIGINT');
    }
    const result = await child;
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('viewer stopped');
  }, 60_000);
});
