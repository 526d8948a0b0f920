import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ratchet } from './test/ratchet-cli';

/** A small dsl run with three arms (12 train tasks, k = 1): the default contrast is refine − continue. */
function writeConfig(dir: string): { config: string; store: string } {
  const config = join(dir, 'ratchet.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      environment: { kind: 'dsl', count: 20, seed: 0 },
      arms: [
        { strategy: 'random', k: 1 },
        { strategy: 'continue', k: 1 },
        { strategy: 'refine', k: 1 },
      ],
      concurrency: 2,
      seed: 11,
    }),
  );
  return { config, store: `sqlite:${join(dir, 'corpus.db')}` };
}

const runIdOf = (text: string) => /Plan for run (\S+)/.exec(text)?.[1];

describe('ratchet run --tasks / --arms', () => {
  it('plans only those tasks and arms under a run id of their own, and names valid ids on a typo', async () => {
    const { config, store } = writeConfig(mkdtempSync(join(tmpdir(), 'ratchet-filters-')));
    const full = await ratchet(['--store', store, 'run', config, '--dry-run']);
    expect(full.exitCode, full.stderr).toBe(0);
    const filtered = await ratchet([
      ...['--store', store, 'run', config, '--dry-run'],
      ...['--tasks', 'dsl-0-0005,dsl-0-0001', '--arms', 'continue@1,refine@1'],
    ]);
    expect(filtered.exitCode, filtered.stderr).toBe(0);
    expect(filtered.stdout).toContain('tasks       2 (train): dsl-0-0001, dsl-0-0005');
    expect(filtered.stdout).toContain('cells       4');
    expect(filtered.stdout).not.toContain('random@1');
    expect(filtered.stdout).toContain('primary     steering = refine@1 − continue@1');
    expect(runIdOf(filtered.stdout)).not.toBe(runIdOf(full.stdout));

    const typo = await ratchet(['--store', store, 'run', config, '--dry-run', '--tasks', 'dsl-0-0001,nope']);
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toContain('the train split has no task "nope"; its tasks: dsl-0-0000, dsl-0-0001');
    const arm = await ratchet(['--store', store, 'run', config, '--dry-run', '--arms', 'refine@9']);
    expect(arm.exitCode).toBe(2);
    expect(arm.stderr).toContain('the config has no arm "refine@9"; its arms: random@1, continue@1, refine@1');
  }, 60_000);

  it('refuses --arms that drop an arm of the pre-registered primary contrast', async () => {
    const { config, store } = writeConfig(mkdtempSync(join(tmpdir(), 'ratchet-filters-')));
    const result = await ratchet(['--store', store, 'run', config, '--dry-run', '--arms', 'random@1,refine@1']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      'the pre-registered primary contrast steering = refine@1 − continue@1 needs both its arms; add continue@1',
    );
  }, 20_000);
});

describe('ratchet run --retry-infra / --retry-failed', () => {
  it('retries failures into a new run linked to the original, and says there is nothing to retry', async () => {
    const { config, store } = writeConfig(mkdtempSync(join(tmpdir(), 'ratchet-retry-')));
    const tasks = ['--tasks', 'dsl-0-0000,dsl-0-0001,dsl-0-0002', '--arms', 'continue@1,refine@1'];
    const run = await ratchet(['--store', store, 'run', config, ...tasks]);
    expect(run.exitCode, run.stderr).toBe(0);
    const infra = await ratchet(['--store', store, 'run', config, ...tasks, '--retry-infra']);
    expect(infra.exitCode, infra.stderr).toBe(0);
    expect(infra.stdout).toMatch(/^Nothing to retry: run dsl-\w+ has no infra cell\.$/m);

    const listed = JSON.parse((await ratchet(['--store', store, 'runs', '--json'])).stdout);
    const original = listed[0].runId as string;
    const plan = await ratchet(['--store', store, 'run', config, ...tasks, '--retry-failed', '--dry-run']);
    expect(plan.exitCode, plan.stderr).toBe(0);
    const line = /Retrying (\d+) failed cell\(s\) of run (\S+) \((.*)\) into a new run (\S+);/.exec(plan.stdout);
    expect(line?.[2]).toBe(original);
    expect(line?.[4]).toMatch(new RegExp(`^${original.replace(/\./g, '\\.')}\\.retry-failed-[0-9a-f]{8}$`));
    expect(plan.stdout).toContain('conditional on failure');

    const retry = await ratchet(['--store', store, 'run', config, ...tasks, '--retry-failed']);
    expect(retry.exitCode, retry.stderr).toBe(0);
    expect(retry.stdout).toContain(`A retry of the ${line?.[1]} failed cell(s) of run ${original}`);
    expect(retry.stdout).not.toContain('(primary)');
    const runs = JSON.parse((await ratchet(['--store', store, 'runs', '--json'])).stdout);
    expect(runs.map((r: { runId: string; cells: number }) => [r.runId, r.cells])).toEqual([
      [original, 6],
      [line?.[4], Number(line?.[1])],
    ]);
    const compare = await ratchet(['--store', store, 'report', '--compare', original, line?.[4] ?? '']);
    expect(compare.exitCode).not.toBe(0);
    expect(compare.stderr).toContain('conditional on failure');
  }, 90_000);
});
