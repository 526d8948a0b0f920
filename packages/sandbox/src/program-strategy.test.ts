import { defaultController, defineController, InfraError } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { compileProgram } from './compile-program';
import { digitGuess, runDigitCells } from './fixtures/digit-cells';
import { programStrategy } from './program-strategy';

const strategyOf = async (source: string) => programStrategy(await compileProgram(source));

describe('programStrategy', () => {
  it('runs the program once per cell: its shots are the cell’s attempts, its choice the final output', async () => {
    const strategy = await strategyOf(`export const name = 'twice-pick-first';
export default async function (ctx) {
  const first = await ctx.shot();
  await ctx.shot({ from: first.attemptId });
  ctx.choose(first);
}`);
    expect(strategy.name).toBe('twice-pick-first');
    const { cells, attempts } = await runDigitCells(strategy, { count: 3 });
    expect(cells).toHaveLength(3);
    for (const cell of cells) {
      expect(cell).toMatchObject({ status: 'ok', attempts: 2, chosenBy: 'strategy', strategyFailure: null });
      expect(cell.finalAttemptId).toBe(cell.attemptIds[0]);
      const second = attempts.find((attempt) => attempt.recordId === cell.attemptIds[1]);
      expect(second?.checkpoint).toEqual({ fromRecordId: cell.attemptIds[0] });
    }
  });
});

describe('the guest’s world', () => {
  it('ctx.task is the task view (no expected answer), and shot and history give attempts without a verdict', async () => {
    const strategy = await strategyOf(`export default async function (ctx) {
  const attempt = await ctx.shot();
  const findings = await ctx.observe(attempt.attemptId);
  const seen = { task: ctx.task, k: ctx.k, keys: Object.keys(attempt).sort(), history: ctx.history.length,
    same: ctx.history[0].attemptId === attempt.attemptId, fresh: ctx.history !== ctx.history,
    findings: Array.isArray(findings), remaining: ctx.remaining(), topology: ctx.topology(), stop: ctx.stop() };
  throw new Error(JSON.stringify(seen));
}`);
    const { cells } = await runDigitCells(strategy, { count: 1, k: 3 });
    const reason = cells[0]?.strategyFailure?.error ?? '';
    const seen = JSON.parse(/threw Error: (.*) \(line/.exec(reason)?.[1] ?? 'null');
    expect(seen).toEqual({
      task: { id: 'task-00', split: 'train', input: { index: 0 } },
      k: 3,
      keys: ['attemptId', 'checks', 'continuable', 'events', 'failure', 'from', 'index', 'output', 'steer', 'usage'],
      history: 1,
      same: true,
      fresh: true,
      findings: true,
      remaining: { attempts: 2, usd: null, tokens: null, wallMs: null },
      topology: 'refine',
      stop: false,
    });
  });

  it('ctx.random is the cell’s seeded stream: the same seed gives the same choices, another seed others', async () => {
    const strategy = await strategyOf(`export default async function (ctx) {
  await ctx.shot();
  if (ctx.random() < 0.5) await ctx.shot();
  if (Math.random() < 0.5) await ctx.shot();
}`);
    const attemptsPerCell = async (seed: string) =>
      (await runDigitCells(strategy, { count: 12, k: 3, seed })).cells.map((cell) => cell.attempts);
    const first = await attemptsPerCell('1');
    expect(await attemptsPerCell('1')).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
    expect(await attemptsPerCell('2')).not.toEqual(first);
  });
});

describe('host errors pass through as they would from a native strategy', () => {
  const refineSource = `export default async function (ctx) {
  let last = await ctx.shot();
  while (ctx.history.length < ctx.k && ctx.topology() !== 'stop') last = await ctx.shot({ from: last.attemptId });
}`;

  it('a persistent infra failure marks the cell infra, not the program’s failure', async () => {
    const worker = (input: Parameters<typeof digitGuess>[0]) => {
      if (input.task.id === 'task-01' && input.checkpoint !== null) throw new InfraError('sandboxed agent crashed');
      return digitGuess(input);
    };
    const { cells } = await runDigitCells(await strategyOf(refineSource), { count: 2, worker });
    const infra = cells.find((cell) => cell.taskId === 'task-01');
    expect(infra).toMatchObject({
      status: 'infra',
      strategyFailure: null,
      infra: { error: 'sandboxed agent crashed' },
    });
    expect(cells.find((cell) => cell.taskId === 'task-00')).toMatchObject({ status: 'ok', attempts: 3 });
  });

  it('a controller that throws still stops the run: a bug in our code stays loud', async () => {
    const broken = defineController({
      id: 'broken',
      schema: defaultController.schema,
      parameters: defaultController.parameters,
      steer: () => ({ text: '' }),
      topology: () => {
        throw new TypeError('controller bug');
      },
    });
    await expect(runDigitCells(await strategyOf(refineSource), { count: 1, controller: broken })).rejects.toThrow(
      'controller bug',
    );
  });
});
