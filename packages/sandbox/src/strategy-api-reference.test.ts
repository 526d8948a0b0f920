import { describe, expect, it } from 'vitest';
import { compileProgram } from './compile-program';
import { runDigitCells } from './fixtures/digit-cells';
import { hostileCell, reported } from './fixtures/hostile-program';
import { programStrategy } from './program-strategy';
import { strategyApiReference } from './strategy-api-reference';

describe('strategyApiReference', () => {
  it('names exactly the members ctx has', async () => {
    const documented = new Set([...strategyApiReference.matchAll(/ctx\.(\w+)/g)].map((match) => match[1]));
    const cell = await hostileCell(`throw new Error(JSON.stringify(Object.getOwnPropertyNames(ctx)));`);
    expect(new Set(reported(cell) as string[])).toEqual(documented);
  });

  it('its example compiles and runs', async () => {
    const example = /```js\n([\s\S]*?)```/.exec(strategyApiReference)?.[1] ?? '';
    const program = await compileProgram(example);
    expect(program.name).toBe('refine-twice');
    const { cells } = await runDigitCells(programStrategy(program), { count: 2, k: 3 });
    expect(cells.map((cell) => [cell.status, cell.attempts, cell.strategyFailure])).toEqual([
      ['ok', 3, null],
      ['ok', 3, null],
    ]);
  });
});
