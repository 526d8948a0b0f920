import type { CellRecord } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { noReasonGiven, unresolvedReasons } from './unresolved-reasons';

function cell(status: 'ok' | 'infra', verdict: { resolved: boolean; details?: unknown } | null): CellRecord {
  return {
    status,
    verdict:
      verdict === null
        ? null
        : {
            judge: { id: 'numeric' },
            resolved: verdict.resolved,
            scores: {},
            details: verdict.details,
            judgedAt: '2026-12-01T00:00:00.000Z',
          },
  } as unknown as CellRecord;
}

describe('unresolvedReasons', () => {
  it("counts judged, unresolved cells by the judge's reason, and only those", () => {
    const cells = [
      cell('ok', { resolved: false, details: { reason: 'no-number' } }),
      cell('ok', { resolved: false, details: { reason: 'no-number' } }),
      cell('ok', { resolved: false, details: { actual: 3, expected: 4 } }),
      cell('ok', { resolved: false, details: 'a string' }),
      cell('ok', { resolved: true, details: { reason: 'match' } }),
      cell('ok', null),
      cell('infra', { resolved: false, details: { reason: 'no-number' } }),
    ];
    expect(unresolvedReasons(cells)).toEqual({ 'no-number': 2, [noReasonGiven]: 2 });
  });

  it('is empty when every judged cell was resolved', () => {
    expect(unresolvedReasons([cell('ok', { resolved: true })])).toEqual({});
  });
});
