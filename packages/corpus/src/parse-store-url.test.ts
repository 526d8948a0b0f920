import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStoreUrl } from './parse-store-url';
import { resolveStoreUrl } from './resolve-store-url';
import { storeFilePath } from './store-file-path';
import { UnsupportedStoreError } from './unsupported-store-error';

describe('parseStoreUrl', () => {
  it('reads an SQLite path against the directory given, and leaves an absolute one as it is', () => {
    expect(parseStoreUrl('sqlite:.ratchet/corpus.db', '/work/project')).toEqual({
      scheme: 'sqlite',
      path: '/work/project/.ratchet/corpus.db',
    });
    expect(parseStoreUrl('sqlite:/data/corpus.db', '/work/project')).toEqual({
      scheme: 'sqlite',
      path: '/data/corpus.db',
    });
    expect(parseStoreUrl('sqlite:corpus.db')).toEqual({ scheme: 'sqlite', path: join(process.cwd(), 'corpus.db') });
  });

  it('keeps an in-memory database in memory', () => {
    expect(parseStoreUrl('sqlite::memory:', '/work')).toEqual({ scheme: 'sqlite', path: ':memory:' });
  });

  it('recognises PostgreSQL URLs in both spellings', () => {
    expect(parseStoreUrl('postgres://db/ratchet')).toEqual({ scheme: 'postgres', url: 'postgres://db/ratchet' });
    expect(parseStoreUrl('postgresql://u@db:5432/r')).toEqual({ scheme: 'postgres', url: 'postgresql://u@db:5432/r' });
  });

  it('refuses anything else, listing the forms it takes', () => {
    expect(() => parseStoreUrl('mysql://db')).toThrow(UnsupportedStoreError);
    expect(() => parseStoreUrl('mysql://db')).toThrow(
      'cannot open corpus "mysql://db": expected sqlite:PATH (e.g. sqlite:.ratchet/corpus.db), sqlite::memory: or postgres://HOST/DATABASE',
    );
    expect(() => parseStoreUrl('.ratchet/corpus.db')).toThrow(/expected sqlite:PATH/);
    expect(() => parseStoreUrl('sqlite:')).toThrow(/the path after sqlite: is empty/);
  });

  it('never shows a password in its message', () => {
    try {
      parseStoreUrl('mongodb://admin:hunter2@db/ratchet');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toContain('mongodb://admin:***@db/ratchet');
      expect((error as Error).message).not.toContain('hunter2');
      expect((error as UnsupportedStoreError).url).toBe('mongodb://admin:***@db/ratchet');
    }
  });
});

describe('resolveStoreUrl and storeFilePath', () => {
  it('make a relative SQLite URL absolute against a directory, and leave other stores alone', () => {
    expect(resolveStoreUrl('sqlite:corpus.db', '/project')).toBe('sqlite:/project/corpus.db');
    expect(resolveStoreUrl('sqlite::memory:', '/project')).toBe('sqlite::memory:');
    expect(resolveStoreUrl('postgres://db/r', '/project')).toBe('postgres://db/r');
    expect(() => resolveStoreUrl('corpus.db', '/project')).toThrow(UnsupportedStoreError);
  });

  it('give the file of an SQLite store, and null for a store without one', () => {
    expect(storeFilePath('sqlite:.ratchet/corpus.db', '/project')).toBe('/project/.ratchet/corpus.db');
    expect(storeFilePath('sqlite::memory:')).toBeNull();
    expect(storeFilePath('postgres://db/r')).toBeNull();
  });
});
