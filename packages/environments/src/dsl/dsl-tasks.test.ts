import { viewOf } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { DslOptionsError } from './dsl-options-error';
import { dslTaskInputSchema } from './dsl-task-input';
import { dslTask, dslTasks } from './dsl-tasks';
import { parseProgram } from './parse-program';
import { runProgram } from './run-program';

describe('dslTasks', () => {
  it('gives the same tasks for the same seed, and task i whatever the count', () => {
    const first = dslTasks({ count: 12, seed: 3 });
    expect(dslTasks({ count: 12, seed: '3' })).toEqual(first);
    expect(dslTasks({ count: 5, seed: 3 })).toEqual(first.slice(0, 5));
    expect(dslTasks({ count: 12, seed: 4 }).map((t) => t.expected.program)).not.toEqual(
      first.map((t) => t.expected.program),
    );
  });

  it('splits by position, 3 train : 1 val : 1 holdout, never overlapping', () => {
    const ids = (split: 'train' | 'val' | 'holdout') => dslTasks({ count: 10, seed: 3, split }).map((t) => t.id);
    expect(ids('train')).toEqual(['dsl-3-0000', 'dsl-3-0001', 'dsl-3-0002', 'dsl-3-0005', 'dsl-3-0006', 'dsl-3-0007']);
    expect(ids('val')).toEqual(['dsl-3-0003', 'dsl-3-0008']);
    expect(ids('holdout')).toEqual(['dsl-3-0004', 'dsl-3-0009']);
  });

  it('mixes difficulties from easy to out of reach, recorded in the metadata', () => {
    const tasks = dslTasks({ count: 20, seed: 0 });
    const levels = tasks.map((t) => t.metadata.difficulty);
    // Seed 0, first 20: 6 easy, 6 medium, 3 hard, 5 out of reach (pinned so a generator change shows).
    expect(['easy', 'medium', 'hard', 'out-of-reach'].map((l) => levels.filter((x) => x === l).length)).toEqual([
      6, 6, 3, 5,
    ]);
    for (const task of tasks) {
      const target = parseProgram(task.expected.program);
      expect(task.input.examples).toHaveLength(3);
      expect(task.expected.hidden).toHaveLength(24);
      for (const example of [...task.input.examples, ...task.expected.hidden]) {
        expect(runProgram(target, example.input)).toEqual(example.output);
      }
    }
  });

  it('shows a worker only the examples and the output type: the target’s size and depth stay in the metadata', () => {
    // Seed 0, task 3 is (take 2 (map (+ 1) (drop 3 xs))): 3 operators, nested 3 deep.
    const task = dslTask(0, 3);
    const view = viewOf(task);
    expect(Object.keys(view.input).sort()).toEqual(['examples', 'outputType']);
    expect(JSON.stringify(view)).not.toMatch(/difficulty|size|depth|medium/);
    expect(task.metadata).toEqual({ difficulty: 'medium', size: 3, depth: 3 });
    expect(dslTaskInputSchema.safeParse({ ...task.input, difficulty: task.metadata }).success).toBe(false);
  });

  it('refuses invalid options with a DslOptionsError naming the field', () => {
    expect(() => dslTasks({ count: -1 })).toThrow(DslOptionsError);
    expect(() => dslTasks({ count: 2, split: 'test' as never })).toThrow(/split/);
  });
});
