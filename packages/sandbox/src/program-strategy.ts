import type { Strategy, StrategyContext } from '@ratchet/runtime';
import { ProgramCompileError } from './program-compile-error';
import { programHash } from './program-hash';
import { runProgram } from './run-program';
import { resolveLimits, type SandboxLimits } from './sandbox-limits';
import type { StrategyProgram } from './strategy-program';

/**
 * A runtime strategy that runs `program` in a fresh QuickJS engine per cell, under `limits` (the
 * defaults where omitted). A failure of the program ends its cell as the program's failure — an
 * honest 0, never infra, never a crash of the run.
 *
 * @throws {InvalidLimitsError} when a limit is out of range.
 * @throws {ProgramCompileError} when `program.hash` is not its source's hash: make programs with `compileProgram`.
 * @example
 * const program = await compileProgram(source);
 * const arm = { id: 'mine@4', strategy: programStrategy(program), k: 4, controller: defaultController };
 */
export function programStrategy(program: StrategyProgram, limits: Partial<SandboxLimits> = {}): Strategy {
  const resolved = resolveLimits(limits);
  if (programHash(program.source) !== program.hash) {
    throw new ProgramCompileError(`its hash ${program.hash} is not the hash of its source`, {
      fix: 'make programs with compileProgram(source)',
    });
  }
  return Object.freeze({ name: program.name, run: (ctx: StrategyContext) => runProgram(program, resolved, ctx) });
}
