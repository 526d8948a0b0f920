import { describe, expect, it } from 'vitest';
import type { Finding } from '../contracts/finding';
import type { TaskView } from '../contracts/task';
import { skillController } from './skill-controller';

const task = { id: 't1', input: 'Sort the list.' } as unknown as TaskView;
const findings = [{ claim: 'the tests failed on an empty list' }, { claim: 'output was unsorted' }] as Finding[];

describe('skillController', () => {
  it('tells a fresh attempt the skill, and a retry the skill then the findings', () => {
    const skilled = skillController.withParameters({
      ...skillController.parameters,
      skill: '# Sorting\n\nAlways handle the empty list.\n',
    });
    expect(skilled.initial(task)).toEqual({
      text: '# Sorting\n\nAlways handle the empty list.\n',
      parameters: { skill: true },
    });
    expect(skilled.steer(findings, [] as never).text).toBe(
      '# Sorting\n\nAlways handle the empty list.\n\nYour previous attempt did not pass every check. Observations from its trace:\n- the tests failed on an empty list\n- output was unsorted\nAddress these observations in this attempt.',
    );
  });

  it('gives a fresh attempt no steer when the skill is empty, and its hash moves with the skill', () => {
    expect(skillController.initial(task)).toBeNull();
    expect(skillController.steer([], [] as never)).toEqual({
      text: 'Try a different approach than last time.',
      parameters: { skill: false, findings: 0 },
    });
    const other = skillController.withParameters({ ...skillController.parameters, skill: 'Be brief.' });
    expect(other.hash).not.toBe(skillController.hash);
    expect(() => skillController.withParameters({ ...skillController.parameters, skill: 'x'.repeat(20_001) })).toThrow(
      /skill/,
    );
  });
});
