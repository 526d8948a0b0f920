import { describe, expect, it } from 'vitest';
import { dslEnvironment } from './dsl-environment';

describe('dslEnvironment', () => {
  it('lists the split’s tasks and checks an output on the visible examples only', async () => {
    const environment = dslEnvironment({ count: 5, seed: 0 });
    const tasks = await environment.tasks('train');
    expect(tasks.map((task) => task.id)).toEqual(['dsl-0-0000', 'dsl-0-0001', 'dsl-0-0002']);
    const task = tasks[1];
    if (!task) throw new Error('no task');
    const handle = await environment.open(task);
    expect(await environment.checks(handle, '(length xs)')).toEqual([
      { name: 'visible-examples', passed: true, score: 1, details: { passed: 3, total: 3, failing: [] } },
    ]);
    const [wrong] = await environment.checks(handle, '(sum xs)');
    expect(wrong).toMatchObject({ passed: false, score: 0 });
    const details = wrong?.details as { failing: Array<{ example: number; expected: unknown }> } | undefined;
    const failing = details?.failing ?? [];
    expect(failing.map((f) => f.example)).toEqual([0, 1, 2]);
    expect(failing[0]?.expected).toBe(task.input.examples[0]?.output ?? null);
    await environment.close(handle);
  });

  it('fails an output that is not a program, saying why', async () => {
    const environment = dslEnvironment({ count: 1, seed: 0 });
    const [task] = await environment.tasks();
    const handle = await environment.open(task as NonNullable<typeof task>);
    const [check] = await environment.checks(handle, '(sum xs');
    expect(check).toMatchObject({
      passed: false,
      score: 0,
      details: { error: expect.stringContaining('missing ")"') },
    });
    expect((await environment.checks(handle, 42))[0]?.details).toMatchObject({
      error: 'the output is not program text',
    });
  });
});
