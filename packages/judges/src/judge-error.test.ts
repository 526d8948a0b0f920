import { describe, expect, it } from 'vitest';
import { IncomparableScoresError } from './incomparable-scores-error';
import { InvalidExpectedError } from './invalid-expected-error';
import { InvalidOptionsError } from './invalid-options-error';
import { JudgeError } from './judge-error';
import { JudgeInfraError } from './judge-infra-error';

describe('JudgeError', () => {
  const infra = new JudgeInfraError({
    source: 'tests',
    reason: 'timeout',
    message: 'killed at 5 ms.',
    isRetryable: true,
    command: 'npm test',
  });

  it('recognises every subclass through the shared marker', () => {
    const errors = [
      infra,
      new InvalidOptionsError({ functionName: 'f', issues: [{ path: 'a', message: 'bad' }] }),
      new InvalidExpectedError({ judgeId: 'j', taskId: 't', problem: 'expected a number' }),
      new IncomparableScoresError({ functionName: 'dominates', objective: 'usd', problem: 'missing' }),
    ];
    for (const error of errors) expect(JudgeError.isInstance(error)).toBe(true);
    expect(JudgeError.isInstance(new Error('plain'))).toBe(false);
    expect(JudgeError.isInstance(null)).toBe(false);
  });

  it('tells subclasses apart by name', () => {
    expect(JudgeInfraError.isInstance(infra)).toBe(true);
    expect(InvalidOptionsError.isInstance(infra)).toBe(false);
  });

  it('recognises an error from another copy of the package', () => {
    const foreign = Object.assign(new Error('x'), {
      [Symbol.for('@ratchet/judges.error')]: true,
      name: 'JudgeInfraError',
    });
    expect(JudgeInfraError.isInstance(foreign)).toBe(true);
  });

  it('carries the fields callers act on', () => {
    expect(infra).toMatchObject({ source: 'tests', reason: 'timeout', isRetryable: true, command: 'npm test' });
    expect(infra.message).toBe('tests: killed at 5 ms.');
  });

  it('names the option paths and the function in InvalidOptionsError', () => {
    const error = new InvalidOptionsError({
      functionName: 'numericJudge',
      issues: [
        { path: 'absoluteTolerance', message: 'Too small' },
        { path: '', message: 'Unrecognized key' },
      ],
    });
    expect(error.message).toBe(
      'numericJudge: invalid options — absoluteTolerance: Too small; (root): Unrecognized key. Fix these options and call again.',
    );
  });

  it('names the objective and item in IncomparableScoresError', () => {
    const error = new IncomparableScoresError({
      functionName: 'paretoFront',
      objective: 'usd',
      problem: 'direction',
      index: 3,
    });
    expect(error.message).toMatch(/^paretoFront: objective "usd" \(item 3\) has different directions/);
    expect(error).toMatchObject({ objective: 'usd', problem: 'direction', index: 3 });
  });
});
