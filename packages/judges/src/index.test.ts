import { describe, expect, it } from 'vitest';
import * as judges from './index';

describe('the public API', () => {
  it('exports every judge, check and helper the README documents', () => {
    for (const name of [
      'exactMatchJudge',
      'regexJudge',
      'numericJudge',
      'schemaJudge',
      'overlapJudge',
      'commandJudge',
      'llmJudge',
      'measureJudgeStability',
      'visibleTestsCheck',
      'clockCheck',
      'costMeterCheck',
      'patternScanCheck',
      'dominates',
      'paretoFront',
      'createVerdict',
      'correctObjective',
      'runCommand',
    ]) {
      expect(typeof (judges as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
