// A strategy program named in a config runs through `ratchet run` in the sandbox; one that fails on
// some cells scores those cells as its failures and the run completes; one that does not compile stops
// the command before any cell, naming the file and line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ratchet } from './test/ratchet-cli';

const program = `export const name = 'steady';

export default async function (ctx) {
  let last = await ctx.shot();
  while (ctx.history.length < ctx.k && !ctx.stop()) {
    if (ctx.task.id.endsWith('3')) for (;;) {} // a runaway on some tasks: stopped at the CPU limit
    last = await ctx.shot({ findings: await ctx.observe(last) });
  }
}
`;

function writeRun(dir: string, source: string): string {
  writeFileSync(join(dir, 'steady.js'), source);
  const config = join(dir, 'ratchet.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      environment: { kind: 'sim', count: 20, seed: 4 },
      arms: [
        { strategy: 'random', k: 2 },
        { program: './steady.js', k: 2 },
      ],
      primaryContrast: { name: 'mine', baseline: 'random@2', candidate: 'steady@2' },
    }),
  );
  return config;
}

describe('ratchet run with a program arm', () => {
  it('runs the program in the sandbox; its runaway cells are its failures and the run completes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-program-arm-'));
    const store = `sqlite:${join(dir, 'corpus.db')}`;
    const run = await ratchet(['--store', store, 'run', writeRun(dir, program)]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('Pre-registered primary contrast: mine = steady@2 − random@2');
    const runId = /Run (\S+) ·/.exec(run.stdout)?.[1] ?? '';
    const report = JSON.parse((await ratchet(['--store', store, 'report', runId, '--json'])).stdout);
    expect(report.manifest.arms.map((arm: { strategy: string }) => arm.strategy)).toEqual(['random', 'steady']);
    const steady = report.summary.arms.find((arm: { armId: string }) => arm.armId === 'steady@2');
    expect(steady).toMatchObject({ cells: 20, infraCells: 0, unjudgedCells: 0 });
    const file = join(dir, 'run.jsonl');
    expect((await ratchet(['--store', store, 'corpus', 'export', '--run', runId, file])).exitCode).toBe(0);
    const cells = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"kind":"cell"') && line.includes('steady@2'))
      .map((line) => JSON.parse(line));
    const failed = cells.filter((cell) => cell.strategyFailure !== null);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((cell) => cell.taskId.endsWith('3') && /CPU limit/.test(cell.strategyFailure.error))).toBe(
      true,
    );
    expect(failed.every((cell) => cell.status === 'ok' && cell.verdict.resolved === false)).toBe(true);
  }, 120_000);

  it('stops before any cell when the program does not compile, naming the file and the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-program-arm-'));
    const run = await ratchet(['--store', `sqlite:${join(dir, 'corpus.db')}`, 'run', writeRun(dir, `${program}\n}`)]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/arms\[1\]\.program: .*steady\.js:\d+:\d+: SyntaxError/);
  }, 60_000);
});
