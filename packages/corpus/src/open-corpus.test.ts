import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Corpus } from './corpus';
import { openCorpus } from './open-corpus';
import type { StoreLocation } from './parse-store-url';
import { registerStore } from './store-registry';
import { UnsupportedStoreError } from './unsupported-store-error';

describe('openCorpus', () => {
  it('defaults to .ratchet/corpus.db under the working directory, creating the folder', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'ratchet-open-'));
    const corpus = await openCorpus(undefined, { cwd });
    expect(corpus.url).toBe(`sqlite:${join(cwd, '.ratchet', 'corpus.db')}`);
    expect(existsSync(join(cwd, '.ratchet', 'corpus.db'))).toBe(true);
    await corpus.close();
  });

  it('says how to register the PostgreSQL store, and what URLs it takes otherwise', async () => {
    await expect(openCorpus('postgres://db/ratchet')).rejects.toThrow(UnsupportedStoreError);
    await expect(openCorpus('postgres://db/ratchet')).rejects.toThrow(
      /call registerPostgresStore\(\) from @ratchet\/corpus-postgres/,
    );
    await expect(openCorpus('mysql://db')).rejects.toThrow(/expected sqlite:PATH/);
    await expect(openCorpus('sqlite:')).rejects.toThrow(/the path after sqlite: is empty/);
  });

  it('opens a scheme with the store registered for it, until it is unregistered', async () => {
    const opened: Array<[StoreLocation, unknown]> = [];
    const fake = { url: 'postgres://db/ratchet' } as Corpus;
    const unregister = registerStore('postgres', async (location, options) => {
      opened.push([location, options]);
      return fake;
    });
    try {
      expect(await openCorpus('postgresql://db/ratchet', { busyTimeoutMs: 5 })).toBe(fake);
      expect(opened).toEqual([[{ scheme: 'postgres', url: 'postgresql://db/ratchet' }, { busyTimeoutMs: 5 }]]);
    } finally {
      unregister();
    }
    await expect(openCorpus('postgres://db/ratchet')).rejects.toThrow(
      /call registerPostgresStore\(\) from @ratchet\/corpus-postgres/,
    );
  });
});
