import { describe, expect, it } from 'vitest';
import type { ReflectiveExample } from './proposer';
import { renderReflectiveDataset } from './reflective-dataset';
import { attemptOf, exampleOf } from './testing/reflective-examples';

describe('renderReflectiveDataset', () => {
  it('shows every listed field of each attempt and the cell score', () => {
    const { text, examplesShown, examplesLeftOut, attemptsLeftOut } = renderReflectiveDataset(
      [{ ...exampleOf('t1', 2, { n: 3 }), score: 1 }],
      8000,
    );
    expect({ examplesShown, examplesLeftOut, attemptsLeftOut }).toEqual({
      examplesShown: 1,
      examplesLeftOut: 0,
      attemptsLeftOut: 0,
    });
    for (const piece of [
      '### Example 1: task t1 (score 1)',
      '"n": 3',
      '#### Attempt 0\nSteer: (none)',
      'STEER-1: check the edge cases',
      'Steer parameters: {"findings":2}',
      'OUTPUT-1',
      '- visible-tests: failed, score 0.5, details {"failing":["t3"]}',
      'TRACE-1: ran 3 tools',
      'Failure: error: FAILURE-1: gave up',
    ]) {
      expect(text).toContain(piece);
    }
  });

  it('says a blob output is not shown and an unmeasured score is not measured', () => {
    const example: ReflectiveExample = {
      taskId: 't2',
      input: 'x',
      score: null,
      attempts: [
        attemptOf(0, {
          output: { blob: { sha256: 'a'.repeat(64), bytes: 10, mediaType: 'text/plain' } },
          failure: null,
        }),
      ],
    };
    const { text } = renderReflectiveDataset([example], 8000);
    expect(text).toContain('(score not measured)');
    expect(text).toContain('Output: (stored as a blob, not shown)');
    expect(text).not.toContain('Failure:');
  });

  it('drops whole examples from the end once the next would overflow the budget', () => {
    // Each input is 501 tokens ('apple ' × 500, o200k_base): two examples of ≈ 560 tokens fit 1,200; a third does not.
    const examples = ['a', 'b', 'c', 'd', 'e'].map((id) => exampleOf(id, 1, 'apple '.repeat(500)));
    const dataset = renderReflectiveDataset(examples, 1200);
    expect(dataset).toMatchObject({ examplesShown: 2, examplesLeftOut: 3, attemptsLeftOut: 0 });
    expect(dataset.tokens).toBeLessThanOrEqual(1200);
    expect(dataset.text).toContain('task b');
    expect(dataset.text).not.toContain('task c');
  });

  it('drops the last attempts of an example that does not fit whole, and nothing after it', () => {
    // Each attempt's output is 201 tokens ('pear ' × 200): with its steer, checks and trace an attempt is ≈ 270 tokens, so three and the header fit 950 and a fourth does not.
    const long = (attempt: number) => attemptOf(attempt, { output: { inline: 'pear '.repeat(200) } });
    const example: ReflectiveExample = { taskId: 't', input: 'x', score: 0, attempts: [0, 1, 2, 3, 4, 5].map(long) };
    const dataset = renderReflectiveDataset([example, exampleOf('after')], 950);
    expect(dataset).toMatchObject({ examplesShown: 1, examplesLeftOut: 1, attemptsLeftOut: 3 });
    expect(dataset.text).toContain('#### Attempt 2');
    expect(dataset.text).not.toContain('#### Attempt 3');
  });
});
