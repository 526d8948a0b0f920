import type { AppendResult, Corpus } from '@ratchet/corpus';
import { buildRunRecord, buildVerdict } from '@ratchet/corpus/test';
import { describe, expect, it } from 'vitest';
import { RecordWriter } from './record-writer';

function countingCorpus() {
  const batches: number[] = [];
  const calls: string[] = [];
  const corpus = {
    async append(records: readonly unknown[]): Promise<AppendResult> {
      batches.push(records.length);
      calls.push(`append ${records.length}`);
      return { inserted: records.length, duplicates: 0 };
    },
    async attachVerdicts(verdicts: readonly unknown[]): Promise<AppendResult> {
      calls.push(`verdicts ${verdicts.length}`);
      return { inserted: verdicts.length, duplicates: 0 };
    },
  } as unknown as Corpus;
  return { corpus, batches, calls };
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

  it('attaches verdicts queued in the same turn together, after the records', async () => {
    const { corpus, calls } = countingCorpus();
    const writer = new RecordWriter(corpus);
    const verdict = buildVerdict(true);
    await Promise.all([
      writer.attachVerdicts([{ recordId: 'a', verdict }]),
      writer.write(buildRunRecord({ recordId: 'b' })),
      writer.attachVerdicts([
        { recordId: 'c', verdict },
        { recordId: 'd', verdict },
      ]),
    ]);
    expect(calls).toEqual(['append 1', 'verdicts 3']);
  });

  it('rejects the writes of a batch that failed to commit', async () => {
    const corpus = { append: async () => Promise.reject(new Error('disk full')) } as unknown as Corpus;
    const writer = new RecordWriter(corpus);
    await expect(writer.write(buildRunRecord())).rejects.toThrow('disk full');
  });
});
