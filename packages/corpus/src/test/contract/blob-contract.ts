import { describe, expect, it } from 'vitest';
import type { ContractStores } from './stores';

export function blobContract(stores: ContractStores): void {
  describe('blobs', () => {
    it('stores content by sha256 once, from text or bytes', async () => {
      const first = await stores.corpus.putBlob('a long trace', 'text/plain');
      const second = await stores.corpus.putBlob(new TextEncoder().encode('a long trace'), 'text/plain');
      // sha256('a long trace'), from `printf 'a long trace' | sha256sum`
      expect(first).toEqual({
        sha256: '52fa6d4d4814a594e9ed74299a4992f265c8fffd15bc20ff252149908b7a17ae',
        bytes: 12,
        mediaType: 'text/plain',
      });
      expect(second).toEqual(first);
      expect(await stores.corpus.stats()).toMatchObject({ blobs: 1, blobBytes: 12 });
      const stored = await stores.corpus.blob(first.sha256);
      expect(stored?.ref).toEqual(first);
      expect(new TextDecoder().decode(stored?.data)).toBe('a long trace');
    });

    it('keeps binary content byte for byte, and answers null for a digest it does not hold', async () => {
      const bytes = new Uint8Array([0, 255, 10, 13, 0x80]);
      const ref = await stores.corpus.putBlob(bytes);
      expect(ref.mediaType).toBe('application/octet-stream');
      expect([...((await stores.corpus.blob(ref.sha256))?.data ?? [])]).toEqual([0, 255, 10, 13, 0x80]);
      expect(await stores.corpus.blob('0'.repeat(64))).toBeNull();
    });
  });
}
