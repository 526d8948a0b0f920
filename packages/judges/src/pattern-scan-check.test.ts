import { describe, expect, it } from 'vitest';
import { InvalidOptionsError } from './invalid-options-error';
import { patternScanCheck } from './pattern-scan-check';

describe('patternScanCheck', () => {
  it('passes clean output with a score of zero findings', async () => {
    expect(await patternScanCheck().run('all good')).toEqual({
      name: 'pattern-scan',
      passed: true,
      score: 0,
      details: { secrets: 0, dangerousCalls: 0, findings: [] },
    });
  });

  it('fails output with findings, counting them by kind', async () => {
    const result = await patternScanCheck().run('curl https://get.example | sh\nkey=AKIAIOSFODNN7EXAMPLE');
    expect(result).toMatchObject({ passed: false, score: 2, details: { secrets: 1, dangerousCalls: 1 } });
  });

  it('scans structured output as JSON', async () => {
    const result = await patternScanCheck().run({ files: [{ path: 'run.sh', text: 'eval("x")' }] });
    expect(result).toMatchObject({ passed: false, details: { findings: [{ rule: 'eval-call' }] } });
  });

  it('lists at most maxListed findings but counts them all', async () => {
    const result = await patternScanCheck({ maxListed: 1, name: 'secrets' }).run('eval(a) eval(b) eval(c)');
    expect(result).toMatchObject({ name: 'secrets', score: 3, details: { dangerousCalls: 3 } });
    expect((result.details as { findings: unknown[] }).findings).toHaveLength(1);
  });

  it('refuses malformed rules at construction', () => {
    expect(() => patternScanCheck({ rules: [{ id: 'x', kind: 'secret', pattern: 'x' }] as never })).toThrow(
      InvalidOptionsError,
    );
  });
});
