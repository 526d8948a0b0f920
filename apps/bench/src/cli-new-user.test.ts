// What a new user hits first: a typo in the agent command, their own strategy, two runs to compare.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageDir, ratchet } from './test/ratchet-cli';

const scratch = () => mkdtempSync(join(tmpdir(), 'ratchet-new-user-'));
const arithmetic = join(packageDir, '..', '..', 'packages/environments/examples', 'arithmetic.jsonl');

/** A JSONL run whose agent command names a script that does not exist. */
function typoConfig(dir: string): string {
  const config = join(dir, 'ratchet.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      environment: { kind: 'jsonl', path: arithmetic },
      judge: { kind: 'numeric', parse: 'last-number' },
      worker: {
        kind: 'command',
        id: 'my-agent',
        command: process.execPath,
        args: [join(packageDir, 'src/fixtures', 'arithmetic-agnet.mjs'), '{message}'],
      },
      arms: [
        { strategy: 'random', k: 2 },
        { strategy: 'refine', k: 2 },
      ],
    }),
  );
  return config;
}

describe('a broken agent command', () => {
  it('is called out loudly, with its stderr, in the progress and in the report', async () => {
    const dir = scratch();
    const run = await ratchet(['--store', `sqlite:${join(dir, 'corpus.db')}`, 'run', typoConfig(dir)]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /Warning: random@2: \d+ of \d+ attempts so far failed the same way \(exit: the agent exited with code 1\)/,
    );
    expect(run.stdout).toMatch(/random@2: 6 of 6 attempts failed the same way \(exit: the agent exited with code 1\)/);
    expect(run.stdout).toContain('from its stderr:');
    expect(run.stdout).toMatch(/Cannot find module .*arithmetic-agnet\.mjs/);
  }, 60_000);

  it('fails at --probe on one task, before any cell runs, with the stderr', async () => {
    const dir = scratch();
    const store = `sqlite:${join(dir, 'corpus.db')}`;
    const run = await ratchet(['--store', store, 'run', typoConfig(dir), '--probe']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(
      /probe: my-agent failed \(exit\): the agent exited with code 1 on task \S+; no cell was run/,
    );
    expect(run.stderr).toMatch(/Cannot find module/);
    // Nothing was recorded, not even a store: the read-only stats say there is no corpus there.
    const stats = await ratchet(['--store', store, 'corpus', 'stats']);
    expect(stats.exitCode).toBe(2);
    expect(stats.stderr).toContain(`there is no corpus at ${join(dir, 'corpus.db')}`);
  }, 60_000);
});

describe('a strategy of your own, and two runs compared', () => {
  it('runs a strategy module named in the config, and lists what differs between two runs', async () => {
    const dir = scratch();
    const store = `sqlite:${join(dir, 'corpus.db')}`;
    // A module with no imports: a strategy is { name, run }.
    writeFileSync(
      join(dir, 'twice.ts'),
      `export default {
  name: 'twice',
  async run(ctx: { shot(o?: object): Promise<{ attemptId: string; continuable: boolean }> }) {
    const first = await ctx.shot();
    await ctx.shot(first.continuable ? { from: first.attemptId } : {});
  },
};
`,
    );
    const write = (name: string, budget: number) => {
      writeFileSync(
        join(dir, name),
        JSON.stringify({
          environment: { kind: 'dsl', count: 10, seed: 0, budget },
          arms: [
            { strategy: 'random', k: 2 },
            { strategy: './twice.ts', k: 2 },
          ],
          primaryContrast: { name: 'mine', baseline: 'random@2', candidate: 'twice@2' },
          maxTasks: 3,
        }),
      );
      return join(dir, name);
    };
    const first = await ratchet(['--store', store, 'run', write('a.config.json', 2000)]);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stdout).toContain('Pre-registered primary contrast: mine = twice@2 − random@2');
    const second = await ratchet(['--store', store, 'run', write('b.config.json', 4000)]);
    expect(second.exitCode, second.stderr).toBe(0);
    const ids = [first, second].map((run) => /Run (\S+) ·/.exec(run.stdout)?.[1] ?? '');
    const report = JSON.parse((await ratchet(['--store', store, 'report', ids[0] ?? '', '--json'])).stdout);
    expect(report.manifest.arms.map((arm: { strategy: string }) => arm.strategy)).toEqual(['random', 'twice']);
    const compare = await ratchet(['--store', store, 'report', '--compare', ids[0] ?? '', ids[1] ?? '']);
    expect(compare.stdout).toMatch(/config hash: \w+ → \w+/);
    expect(compare.stdout).toContain('config.user.environment.budget: 2000 → 4000');
  }, 120_000);
});
