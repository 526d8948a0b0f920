import { describe, expect, it } from 'vitest';
import { answerCommandJudge } from './answer-command-judge';

// The checker passes when output.txt equals the task's expected value, and never ends on "loop".
const checker = [
  "const fs = require('node:fs');",
  "const answer = fs.readFileSync('output.txt', 'utf8');",
  "if (answer === 'loop') setInterval(() => {}, 1000);",
  "else process.exit(answer === JSON.parse(fs.readFileSync('task.json', 'utf8')).expected ? 0 : 1);",
].join('\n');
const judge = answerCommandJudge({ command: process.execPath, args: ['-e', checker], timeoutMs: 800 });
const task = { id: 'greet', input: 'Greet', expected: 'hello' };

describe('answerCommandJudge', () => {
  it("runs the checker on the answer and the task, and resolves on the checker's exit 0", async () => {
    expect((await judge.judge(task, 'hello')).resolved).toBe(true);
    expect(await judge.judge(task, 'bye')).toMatchObject({ resolved: false, details: { reason: 'exit-code' } });
  });

  it('returns an unresolved timeout verdict, not an error, when the checker hangs on the answer', async () => {
    expect(await judge.judge(task, 'loop')).toMatchObject({
      resolved: false,
      details: { reason: 'timeout', termination: 'timed-out' },
    });
  });
});
