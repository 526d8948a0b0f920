import { UsageError } from '@ratchet/config';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { type AutoloopFlagValues, addAutoloopFlags, autoloopInvocation } from './autoloop-flags';

function parse(args: string[]): AutoloopFlagValues {
  const command = addAutoloopFlags(new Command('ratchet-autoloop'), { store: true }).exitOverride();
  command.parse(args, { from: 'user' });
  return command.opts<AutoloopFlagValues>();
}

describe('the autoloop flags', () => {
  it('default to the documented settings and make the folders absolute', () => {
    const invocation = autoloopInvocation(parse(['--target', 'agent', '--state-root', '.autoloop']), '/work');
    expect(invocation).toEqual({
      target: '/work/agent',
      stateRoot: '/work/.autoloop',
      store: null,
      settings: {
        maxIterations: 5,
        maxCostUsd: 50,
        plateauWindow: 3,
        cooldownMinutes: 30,
        mode: 'single-run',
        dryRun: false,
        maxConsecutiveErrors: 3,
        minImprovement: 0,
      },
    });
  });

  it('take every setting, with --max-cost 0 for no cap', () => {
    const values = parse([
      '--target=/t',
      '--state-root=/s',
      '--max-iterations=9',
      '--max-cost=0',
      '--plateau-window=2',
      '--cooldown-minutes=0.5',
      '--mode=scheduled',
      '--dry-run',
      '--max-consecutive-errors=1',
      '--min-improvement=0.02',
      '--store=sqlite:/tmp/c.db',
    ]);
    const { settings, store } = autoloopInvocation(values, '/');
    expect(store).toBe('sqlite:/tmp/c.db');
    expect(settings).toEqual({
      maxIterations: 9,
      maxCostUsd: null,
      plateauWindow: 2,
      cooldownMinutes: 0.5,
      mode: 'scheduled',
      dryRun: true,
      maxConsecutiveErrors: 1,
      minImprovement: 0.02,
    });
  });

  it('refuse a missing folder or a setting out of range, naming the flag', () => {
    expect(() => autoloopInvocation(parse(['--state-root', 's']))).toThrow(/--target <dir> is required/);
    expect(() => autoloopInvocation(parse(['--target', 't']))).toThrow(/--state-root <dir> is required/);
    const bad = (flag: string, value: string) =>
      autoloopInvocation(parse(['--target', 't', '--state-root', 's', flag, value]));
    expect(() => bad('--max-iterations', '0')).toThrow('--max-iterations must be a whole number ≥ 1, not "0"');
    expect(() => bad('--plateau-window', '2.5')).toThrow(/--plateau-window must be a whole number/);
    expect(() => bad('--max-cost', '-1')).toThrow('--max-cost must be a number ≥ 0, not "-1"');
    expect(() => bad('--cooldown-minutes', 'soon')).toThrow(/--cooldown-minutes must be a number/);
    expect(() => bad('--max-iterations', 'x')).toThrow(UsageError);
    expect(() => parse(['--mode', 'forever'])).toThrow(/Allowed choices are single-run, continuous, scheduled/);
  });

  it('leave --store to the host command when it owns it', () => {
    const command = addAutoloopFlags(new Command('autoloop'), { store: false });
    expect(command.options.map((option) => option.long)).not.toContain('--store');
  });
});
