import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addAutoloopFlags } from '@ratchet/autoloop';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { packageDir, ratchet } from './test/ratchet-cli';

const example = join(packageDir, '..', '..', 'packages', 'autoloop', 'examples', 'dsl-controller');

describe('ratchet autoloop', () => {
  it('is the autoloop: a dry run on the example target simulates iterations and writes nothing', async () => {
    const stateRoot = join(mkdtempSync(join(tmpdir(), 'ratchet-autoloop-')), 'state');
    const run = await ratchet([
      'autoloop',
      '--target',
      example,
      '--state-root',
      stateRoot,
      '--dry-run',
      '--max-iterations',
      '3',
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toContain(`autoloop dry run on ${example}`);
    expect(run.stderr.match(/^iteration \d\/3 /gm)).toHaveLength(3);
    expect(run.stderr).toMatch(/^stopped: .* dry run: no handoff written$/m);
    expect(existsSync(stateRoot)).toBe(false);
  });

  it('takes the same flags as ratchet-autoloop, and refuses a missing --target with exit code 2', async () => {
    const help = await ratchet(['autoloop', '--help']);
    const own = addAutoloopFlags(new Command('ratchet-autoloop'), { store: false });
    for (const option of own.options) expect(help.stdout).toContain(option.long);
    expect(help.stdout).toContain('--mode scheduled');

    const missing = await ratchet(['autoloop', '--state-root', 's']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('ratchet: --target <dir> is required');
  });
});
