import { describe, expect, it } from 'vitest';
import { attemptInput } from './command-test-helpers';
import { defaultRenderPrompt, promptTexts, renderArgs } from './render-args';

const task = (input: unknown) => ({ id: 't', split: 'train' as const, input });

describe('renderArgs', () => {
  it('fills every placeholder, inside arguments too, and leaves other braces alone', () => {
    const input = attemptInput('/w', 'Fix it', { text: 'Run the tests' });
    const texts = promptTexts(input, defaultRenderPrompt);
    expect(
      renderArgs(['--message={message}', '{prompt}', '{steer}', '{taskId}/{seed}', '{"a":1}', '{other}'], input, texts),
    ).toEqual(['--message=Fix it\n\nRun the tests', 'Fix it', 'Run the tests', 'task-1/seed-1', '{"a":1}', '{other}']);
  });

  it('does not expand placeholders that appear in the prompt itself', () => {
    const input = attemptInput('/w', 'print {steer} literally');
    expect(renderArgs(['{message}'], input, promptTexts(input, defaultRenderPrompt))).toEqual([
      'print {steer} literally',
    ]);
  });

  it('makes the message the prompt alone, and the steer empty, when there is no steer', () => {
    expect(promptTexts(attemptInput('/w', 'Fix it'), defaultRenderPrompt)).toEqual({
      prompt: 'Fix it',
      steer: '',
      message: 'Fix it',
    });
  });
});

describe('defaultRenderPrompt', () => {
  it('uses a string input, a prompt field, or the input as JSON', () => {
    expect(defaultRenderPrompt(task('Fix it'))).toBe('Fix it');
    expect(defaultRenderPrompt(task({ prompt: 'Fix it', files: ['a.py'] }))).toBe('Fix it');
    expect(defaultRenderPrompt(task({ a: 1 }))).toBe('{\n  "a": 1\n}');
  });
});
