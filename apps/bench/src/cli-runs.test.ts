import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ratchet, writeSlowDslConfig } from './test/ratchet-cli';

describe('ratchet runs, and the read-only commands', () => {
  it('never create a store: report, runs and corpus stats say there is no corpus there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-runs-'));
    const store = `sqlite:${join(dir, 'typo.db')}`;
    for (const command of [['runs'], ['report'], ['corpus', 'stats'], ['report', '--optimization']]) {
      const result = await ratchet(['--store', store, ...command]);
      expect(result.exitCode, command.join(' ')).toBe(2);
      expect(result.stderr).toContain(`there is no corpus at ${join(dir, 'typo.db')}`);
    }
    expect(existsSync(join(dir, 'typo.db'))).toBe(false);
  });

  it('lists the recorded runs; report --html to a missing folder is refused before the report; usage errors stay short', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-runs-'));
    const { config, store } = writeSlowDslConfig(dir);
    const run = await ratchet(['--store', store, 'run', config]);
    expect(run.exitCode, run.stderr).toBe(0);

    const listed = await ratchet(['--store', store, 'runs', '--json']);
    expect(listed.exitCode, listed.stderr).toBe(0);
    const [only, ...rest] = JSON.parse(listed.stdout);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      runId: expect.stringMatching(/^dsl-/),
      benchmark: 'dsl',
      status: 'completed',
      cells: 24,
      plannedCells: 24,
      primaryContrast: 'steering = refine@2 − random@2',
    });
    const table = await ratchet(['--store', store, 'runs']);
    expect(table.stdout).toContain(only.runId);
    expect(table.stdout).toContain('24/24');

    const html = await ratchet(['--store', store, 'report', '--html', join(dir, 'missing', 'report.html')]);
    expect(html.exitCode).toBe(2);
    expect(html.stdout).toBe('');
    expect(html.stderr).toContain(`the folder ${join(dir, 'missing')} does not exist`);

    const typo = await ratchet(['--store', store, 'runs', '--lats', '3']);
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toContain("unknown option '--lats'");
    expect(typo.stderr).toContain('(add --help for usage and examples)');
    expect(typo.stderr).not.toContain('Examples:');
  }, 60_000);
});
