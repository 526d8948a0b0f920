import type { AppendResult, Corpus } from '@ratchet/corpus';
import { buildRunRecord } from '@ratchet/corpus/test';
import { describe, expect, it } from 'vitest';
import { RecordWriter } from './record-writer';

function countingCorpus() {
  const batches: number[] = [];
  const corpus = {
    async append(records: readonly unknown[]): Promise<AppendResult> {
      batches.push(records.length);
      return { inserted: records.length, duplicates: 0 };
    },
  } as unknown as Corpus;
  return { corpus, batches };
}

describe('RecordWriter', () => {
  it('commits records written in the same turn together, and resolves each after its commit', async () => {
    const { corpus, batches } = countingCorpus();
    const writer = new RecordWriter(corpus);
    const writes = Array.from({ length: 8 }, (_, i) => writer.write(buildRunRecord({ recordId: `r-${i}` })));
    await Promise.all(writes);
    await writer.write(buildRunRecord({ recordId: 'later' }));
    expect(batches).toEqual([8, 1]);
  });

  it('rejects the writes of a batch that failed to commit', async () => {
    const corpus = { append: async () => Promise.reject(new Error('disk full')) } as unknown as Corpus;
    const writer = new RecordWriter(corpus);
    await expect(writer.write(buildRunRecord())).rejects.toThrow('disk full');
  });
});
