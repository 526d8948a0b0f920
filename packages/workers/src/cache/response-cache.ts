import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JsonValue } from '@ratchet/corpus';
import { canonicalJson } from '@ratchet/corpus';

/** A store of model responses keyed by the full request: for cheap re-runs and record/replay tests. */
export interface ResponseCache {
  get(key: string): Promise<JsonValue | undefined>;
  set(key: string, value: JsonValue): Promise<void>;
}

/**
 * The cache key of one chat call: the full request (model, messages, tools, settings) and the
 * replicate index, so replicates of a task stay distinct draws instead of one cached answer.
 */
export function responseCacheKey(request: JsonValue, replicate: number): string {
  return createHash('sha256').update(canonicalJson({ request, replicate })).digest('hex');
}

/**
 * A response cache on disk, one file per key, written to a temporary name and renamed so a crash
 * never leaves half a response. Keep it beside the corpus (`.ratchet/response-cache/`).
 *
 * @example
 * const cache = fileResponseCache('.ratchet/response-cache');
 */
export function fileResponseCache(directory: string): ResponseCache {
  const pathOf = (key: string) => join(directory, key.slice(0, 2), `${key}.json`);
  return {
    async get(key) {
      try {
        return JSON.parse(await readFile(pathOf(key), 'utf8')) as JsonValue;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async set(key, value) {
      const path = pathOf(key);
      await mkdir(join(directory, key.slice(0, 2)), { recursive: true });
      const temporary = `${path}.${randomUUID()}.tmp`;
      await writeFile(temporary, JSON.stringify(value));
      await rename(temporary, path);
    },
  };
}

/** An in-memory cache, for tests. */
export function memoryResponseCache(): ResponseCache & { readonly size: number } {
  const entries = new Map<string, JsonValue>();
  return {
    get size() {
      return entries.size;
    },
    async get(key) {
      return entries.get(key);
    },
    async set(key, value) {
      entries.set(key, value);
    },
  };
}
