import { describe, expect, it } from 'vitest';
import { compileProgram } from './compile-program';
import { runDigitCells } from './fixtures/digit-cells';
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
