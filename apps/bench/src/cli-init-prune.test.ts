import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ratchet } from './test/ratchet-cli';

describe('ratchet init, then a run, then corpus prune', () => {
  it('writes a starter that runs offline, refuses to overwrite it, and prunes a run after a backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratchet-init-'));
    const store = `sqlite:${join(dir, 'corpus.db')}`;
    const init = await ratchet(['init', 'my-eval'], { cwd: dir });
    expect(init.exitCode, init.stderr).toBe(0);
    expect(init.stdout).toContain('ratchet run my-eval/ratchet.config.json --dry-run');
    expect(init.stdout).toContain('the agent: "worker" in ratchet.config.json');
    const config = readFileSync(join(dir, 'my-eval', 'ratchet.config.json'), 'utf8');
    expect(config).toMatch(/"\$schema": ".*apps\/bench\/ratchet\.config\.schema\.json"/);
    expect(
      readFileSync(join(dir, 'my-eval', 'tasks.jsonl'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(4);

    const again = await ratchet(['init', 'my-eval'], { cwd: dir });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('my-eval/ratchet.config.json, my-eval/tasks.jsonl');
    expect(again.stderr).toContain('Use --force to overwrite');

    const run = await ratchet(['--store', store, 'run', 'my-eval/ratchet.config.json'], { cwd: dir });
    expect(run.exitCode, run.stderr).toBe(0);
    // The stand-in agent gets the division wrong: 3 of 4 tasks in each arm.
    expect(run.stdout).toMatch(/│ random@2 │ random +│ 2 │ 75\.0% /);
    const runId = /Run (\S+) · /.exec(run.stdout)?.[1] ?? '';

    // No terminal to confirm on: --yes is required, and nothing is deleted.
    const unconfirmed = await ratchet(['--store', store, 'corpus', 'prune', '--run', runId], { cwd: dir });
    expect(unconfirmed.exitCode).toBe(2);
    expect(unconfirmed.stderr).toContain(`pruning deletes run ${runId} (jsonl-dataset, completed): its manifest, `);
    expect(unconfirmed.stderr).toContain('pass --yes');

    const pruned = await ratchet(['--store', store, 'corpus', 'prune', '--run', runId, '--yes'], { cwd: dir });
    expect(pruned.exitCode, pruned.stderr).toBe(0);
    const backup = /Backup: (\S+)/.exec(pruned.stdout)?.[1] ?? '';
    expect(existsSync(join(dir, backup))).toBe(true);
    expect(pruned.stdout).toMatch(new RegExp(`Deleted run ${runId}: \\d+ attempts, 8 cells, \\d+ blobs`));
    expect(
      readFileSync(join(dir, backup), 'utf8')
        .split('\n')
        .filter((line) => line.includes('"kind":"cell"')),
    ).toHaveLength(8);

    const restored = await ratchet(['--store', store, 'corpus', 'import', backup], { cwd: dir });
    expect(restored.exitCode, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('1 runs');
  }, 60_000);
});
