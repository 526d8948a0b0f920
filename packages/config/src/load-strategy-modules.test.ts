import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRun } from './build-run';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { loadStrategyModules } from './load-strategy-modules';

const twice = `export const name = 'twice';
export default async function (ctx) {
  const first = await ctx.shot();
  await ctx.shot(first.continuable ? { from: first.attemptId } : {});
}
`;

/** A config in a fresh folder, beside the files given. */
function folder(config: object, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'ratchet-program-arm-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'ratchet.config.json'), JSON.stringify(config));
  return join(dir, 'ratchet.config.json');
}

const sim = { kind: 'sim', count: 4 };
const contrast = { name: 'mine', baseline: 'random@2', candidate: 'twice@2' };

describe('a program arm', () => {
  it('is compiled in the sandbox at load and built into the run under the program’s name', async () => {
    const file = folder(
      {
        environment: sim,
        arms: [
          { strategy: 'random', k: 2 },
          { program: './twice.js', k: 2 },
        ],
        primaryContrast: contrast,
      },
      { 'twice.js': twice },
    );
    const { config } = await loadConfig(file);
    const dir = dirname(file);
    expect(config.arms.map((arm) => arm.id)).toEqual(['random@2', 'twice@2']);
    const strategies = await loadStrategyModules(config, dir, file);
    expect(strategies.get('program:./twice.js')?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const built = buildRun(config, { strategies });
    expect(built.arms.map((arm) => [arm.id, arm.strategy.name, arm.k])).toEqual([
      ['random@2', 'random', 2],
      ['twice@2', 'twice', 2],
    ]);
    await built.close();
  });

  it('refuses a program that does not compile, naming the arm, the file and the line', async () => {
    const file = folder(
      {
        environment: sim,
        arms: [
          { strategy: 'random', k: 2 },
          { program: './twice.js', k: 2 },
        ],
        primaryContrast: contrast,
      },
      { 'twice.js': twice.replace('const first', 'const first =') },
    );
    const { config } = await loadConfig(file);
    const dir = dirname(file);
    const error = await loadStrategyModules(config, dir, file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      { field: 'arms[1].program', message: expect.stringMatching(/twice\.js:3:\d+: SyntaxError: /) },
    ]);
  });

  it('takes exactly one of strategy and program', async () => {
    for (const arm of [{ strategy: 'random', program: './twice.js' }, { k: 2 }]) {
      const error = await loadConfig(folder({ environment: sim, arms: [arm], primaryContrast: contrast })).catch(
        (caught: unknown) => caught,
      );
      expect((error as ConfigError).problems[0]?.message).toMatch(/exactly one of "strategy"/);
    }
    const notJs = await loadConfig(folder({ environment: sim, arms: [{ program: './twice.ts' }] })).catch(
      (caught: unknown) => caught,
    );
    expect((notJs as ConfigError).problems[0]).toMatchObject({ field: 'arms[0].program' });
  });
});
