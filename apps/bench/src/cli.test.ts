import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCorpus } from '@ratchet/corpus';
import { datasheetSchema, sftExampleSchema } from '@ratchet/optimizer';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { ratchet, ratchetShellCommand } from './test/ratchet-cli';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));

describe('the ratchet CLI', () => {
  it('runs the demo, reports it, and reports the same after export and import into a fresh store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-cli-'));
    const store = `sqlite:${join(dir, 'corpus.db')}`;
    const html = join(dir, 'demo.html');
    const run = await ratchet([
      ...['--store', store, 'demo', '--tasks', '3', '--seed', '5', '--html', html],
      ...['--flywheel-generations', '1', '--flywheel-tasks', '4'],
    ]);
    expect(run.exitCode).toBe(0);
    const runId = /^Run (demo-[0-9a-f]{10}) · dsl · completed/m.exec(run.stdout)?.[1] ?? '';
    expect(runId).not.toBe('');
    const page = readFileSync(html, 'utf8');
    for (const text of [
      'steering',
      'compute',
      'continuation',
      'continue@4',
      'refine@4',
      'continueBest@4',
      runId,
      'upper bound',
    ]) {
      expect(page).toContain(text);
    }
    expect(run.stdout).toContain('Pre-registered primary contrast: steering = refine@4 − continue@4');
    expect(run.stdout).toContain('What to try next');
    // Example paths are written from the working directory (here apps/bench), so the hints run as printed.
    expect(run.stdout).toContain(
      `autoloop --target ${join(packageDir, '../../packages/autoloop/examples/dsl-controller')} --state-root .autoloop/dsl --dry-run`,
    );
    expect(run.stdout).toContain(`${html}  `);
    expect(run.stdout).not.toMatch(/^ +open /m);
    // It ends with a short flywheel: both curves and the verdict, and the command of the full-size one.
    expect(run.stdout).toMatch(/^Flywheel fly-[0-9a-f]{12} · 2 generations · 4 evaluation tasks each/m);
    expect(run.stdout).toMatch(/^ {2}learned [▁▂▃▄▅▆▇█]{2} {2}slope /m);
    expect(run.stdout).toMatch(/^The flywheel (turned|did not turn): /m);
    expect(run.stdout).toContain('flywheel examples/dsl-domain.config.json');
    expect(run.stdout).toMatch(/Reading: steering: .+\(95% CI .+, p .+, 3 tasks\)/);

    const report = await ratchet(['--store', store, 'report', runId, '--json']);
    expect(report.exitCode).toBe(0);
    const original = JSON.parse(report.stdout);
    expect(original.summary.arms.map((arm: { armId: string }) => arm.armId)).toEqual([
      'blind',
      'random@4',
      'continue@4',
      'refine@4',
      'continueBest@4',
    ]);

    const file = join(dir, 'run.jsonl');
    expect((await ratchet(['--store', store, 'corpus', 'export', '--run', runId, file])).exitCode).toBe(0);
    const fresh = `sqlite:${join(dir, 'fresh.db')}`;
    const imported = await ratchet(['--store', fresh, 'corpus', 'import', file]);
    expect(imported.stdout).toMatch(/imported .*run\.jsonl: \d+ new records/);
    const again = JSON.parse((await ratchet(['--store', fresh, 'report', runId, '--json'])).stdout);
    expect(again.summary).toEqual(original.summary);

    // The same corpus as training data: resolved train attempts with their task inputs, and a datasheet.
    const sft = join(dir, 'sft.jsonl');
    const config = join(packageDir, 'examples', 'dsl.config.json');
    const exported = await ratchet([
      '--store',
      store,
      'corpus',
      'export',
      '--format',
      'sft',
      '--run',
      runId,
      '--config',
      config,
      sft,
    ]);
    expect(exported.exitCode).toBe(0);
    expect(exported.stdout).toMatch(/^wrote .*sft\.jsonl: \d+ sft rows from \d+ tasks/);
    const rows = readFileSync(sft, 'utf8')
      .trimEnd()
      .split('\n')
      .filter(Boolean)
      .map((line) => sftExampleSchema.parse(JSON.parse(line)));
    const sheet = datasheetSchema.parse(JSON.parse(readFileSync(`${sft}.datasheet.json`, 'utf8')));
    expect(rows).toHaveLength(sheet.counts.rows);
    expect(sheet.inputs).toBe('included');
    for (const row of rows) expect(row.input).not.toBeNull();
    const misuse = await ratchet(['--store', store, 'corpus', 'export', '--benchmark', 'dsl', join(dir, 'x.jsonl')]);
    expect(misuse.exitCode).toBe(2);
    expect(misuse.stderr).toContain('--benchmark is for --format sft or preference');
  }, 120_000);

  it('exits 2 with a clear message for an unknown run and for bad usage', async () => {
    const store = `sqlite:${join(mkdtempSync(join(tmpdir(), 'ratchet-cli-')), 'corpus.db')}`;
    // An empty corpus that exists: report reads it and names the run it lacks.
    await (await openCorpus(store)).close();
    const missing = await ratchet(['--store', store, 'report', 'nope']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('ratchet: no run "nope" in sqlite:');
    const bad = await ratchet(['demo', '--tasks', 'zero']);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('expected a whole number ≥ 1');
  }, 60_000);

  it('stops quietly when the reader closes the pipe early (ratchet --help | head)', async () => {
    // `true` exits without reading, long before the CLI has loaded: its first write meets a closed pipe.
    const piped = await execa('bash', ['-c', `set -o pipefail; ${ratchetShellCommand(['--help'])} | true`], {
      reject: false,
    });
    expect(piped.stderr).toBe('');
    expect(piped.exitCode).toBe(0);
  }, 60_000);
});
