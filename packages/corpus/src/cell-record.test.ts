import { PassThrough, Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { cellRecordSchema } from './cell-record';
import { exportJsonl } from './export-jsonl';
import { importJsonl } from './import-jsonl';
import { openCorpus } from './open-corpus';
import { parseCellRecord } from './parse-record';
import { buildCellRecord } from './test';

describe('cellRecordSchema', () => {
  it('says whether the strategy or the check-based default chose the final output', () => {
    expect(parseCellRecord(buildCellRecord({ chosenBy: 'strategy' })).chosenBy).toBe('strategy');
    expect(parseCellRecord(buildCellRecord({ chosenBy: 'checks' })).chosenBy).toBe('checks');
  });

  it('has no way to record a judge-chosen output as the result (docs/design.md rule 2)', () => {
    expect(() => parseCellRecord({ ...buildCellRecord(), chosenBy: 'oracle' })).toThrow(/chosenBy: /);
  });

  it('records the try that finished the cell', () => {
    expect(parseCellRecord(buildCellRecord({ try: 1 })).try).toBe(1);
    expect(cellRecordSchema.safeParse({ ...buildCellRecord(), try: 0.5 }).success).toBe(false);
  });
});

describe('strategyFailure', () => {
  const failed = buildCellRecord({
    finalAttemptId: null,
    finalOutput: null,
    chosenBy: 'strategy',
    strategyFailure: { error: 'the program ran past its cpu limit (2000 ms)' },
  });

  it('keeps why a strategy program failed, and still reads records written before the field existed', () => {
    expect(parseCellRecord(failed).strategyFailure).toEqual({ error: 'the program ran past its cpu limit (2000 ms)' });
    const { strategyFailure: _, ...old } = buildCellRecord();
    expect(parseCellRecord(old).strategyFailure).toBeUndefined();
    expect(parseCellRecord(buildCellRecord({ strategyFailure: null })).strategyFailure).toBeNull();
    expect(() => parseCellRecord({ ...failed, strategyFailure: { error: '' } })).toThrow(/strategyFailure/);
  });

  it('survives a JSON Lines round trip', async () => {
    const source = await openCorpus('sqlite::memory:');
    const target = await openCorpus('sqlite::memory:');
    await source.append([failed]);
    const stream = new PassThrough();
    const done = exportJsonl(source, {}, stream).then(() => stream.end());
    const body = await text(stream);
    await done;
    await importJsonl(target, Readable.from([body]));
    expect(await target.cells({ runId: 'run-1' })).toEqual([failed]);
    await source.close();
    await target.close();
  });
});
