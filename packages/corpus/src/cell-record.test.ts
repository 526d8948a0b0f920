import { describe, expect, it } from 'vitest';
import { cellRecordSchema } from './cell-record';
import { parseCellRecord } from './parse-record';
import { buildCellRecord } from './test';

describe('cellRecordSchema', () => {
  it('says whether the strategy or the check-based default chose the final output', () => {
    expect(parseCellRecord(buildCellRecord({ chosenBy: 'strategy' })).chosenBy).toBe('strategy');
    expect(parseCellRecord(buildCellRecord({ chosenBy: 'checks' })).chosenBy).toBe('checks');
  });

  it('has no way to record a judge-chosen output as the result (DESIGN rule 2)', () => {
    expect(() => parseCellRecord({ ...buildCellRecord(), chosenBy: 'oracle' })).toThrow(/chosenBy: /);
  });

  it('records the try that finished the cell', () => {
    expect(parseCellRecord(buildCellRecord({ try: 1 })).try).toBe(1);
    expect(cellRecordSchema.safeParse({ ...buildCellRecord(), try: 0.5 }).success).toBe(false);
  });
});
