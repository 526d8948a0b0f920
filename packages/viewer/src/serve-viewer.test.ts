import { openCorpus } from '@ratchet/corpus';
import { buildManifest } from '@ratchet/corpus/test';
import { describe, expect, it } from 'vitest';
import { serveViewer } from './serve-viewer';

describe('serveViewer', () => {
  it('binds 127.0.0.1 on a free port, answers there, and closes when its signal aborts', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    await corpus.putManifest(buildManifest({ runId: 'served' }));
    const stop = new AbortController();
    const viewer = await serveViewer({ corpus, signal: stop.signal });
    try {
      expect(viewer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const list = (await (await fetch(`${viewer.url}api/runs`)).json()) as { runs: Array<{ runId: string }> };
      expect(list.runs.map((run) => run.runId)).toEqual(['served']);
      stop.abort();
      await viewer.closed;
      await expect(fetch(`${viewer.url}api/runs`)).rejects.toThrow();
    } finally {
      await viewer.close();
      await corpus.close();
    }
  });

  it('fails to start on a port that is taken, with Node’s EADDRINUSE', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const first = await serveViewer({ corpus });
    try {
      const port = Number(new URL(first.url).port);
      await expect(serveViewer({ corpus, port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await first.close();
      await corpus.close();
    }
  });
});
