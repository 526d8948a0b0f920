import { createRng } from '@ratchet/stats';
import { ProgramCompileError } from './program-compile-error';
import { programHash } from './program-hash';
import { programName } from './program-name';
import { resolveLimits, type SandboxLimits } from './sandbox-limits';
import type { StrategyProgram } from './strategy-program';
import type { ProgramFault } from './vm/program-fault';
import { withSession } from './vm/program-session';

/** Larger sources are refused before any parsing: a program is a page of code, not a bundle. */
const maxSourceChars = 200_000;

/**
 * Parses and loads a strategy program once in a throwaway engine, under the same limits it will run
 * with: its top-level code runs (with no `ctx`), and its default export must be a function.
 *
 * @throws {ProgramCompileError} for a syntax error, an `import`, a default export that is missing or no
 *   function, or top-level code that throws or runs past a limit — with the line and column when known.
 * @throws {InvalidLimitsError} when a limit is out of range.
 * @example
 * const program = await compileProgram("export const name = 'once';\nexport default async function (ctx) { await ctx.shot(); }");
 * program.name; // => 'once'
 * program.hash; // => 16 hex digits: programHash(source)
 */
export async function compileProgram(
  source: string,
  options: { limits?: Partial<SandboxLimits> } = {},
): Promise<StrategyProgram> {
  const limits = resolveLimits(options.limits);
  if (typeof source !== 'string' || source.trim().length === 0) throw new ProgramCompileError('the source is empty');
  if (source.length > maxSourceChars) {
    throw new ProgramCompileError(`the source is ${source.length} characters, more than ${maxSourceChars}`, {
      fix: 'keep a strategy program to the strategy itself',
    });
  }
  const rng = createRng('compile');
  const outcome = await withSession(
    limits,
    null,
    () => rng.next(),
    async (session) => {
      session.install();
      const namespace = await session.load(source);
      const main = session.own(session.vm.enter(() => session.vm.context.getProp(namespace, 'default')));
      return session.vm.context.typeof(main);
    },
  );
  if ('hostError' in outcome) throw outcome.hostError;
  if ('fault' in outcome) throw compileErrorOf(outcome.fault);
  if (outcome.value === 'undefined') throw new ProgramCompileError('the module has no default export');
  if (outcome.value !== 'function') {
    throw new ProgramCompileError(`the default export is ${article(outcome.value)}, not a function`);
  }
  const hash = programHash(source);
  return Object.freeze({ source, hash, name: programName(source, hash) });
}

function compileErrorOf(fault: ProgramFault): ProgramCompileError {
  const thrown = fault.thrown;
  const at =
    thrown?.line === undefined
      ? {}
      : { line: thrown.line, ...(thrown.column === undefined ? {} : { column: thrown.column }) };
  if (thrown && /could not load module/.test(thrown.message)) {
    return new ProgramCompileError(`imports are not available in the sandbox (${thrown.message})`, {
      ...at,
      fix: 'a program uses only ctx and the ECMAScript built-ins',
      cause: fault,
    });
  }
  if (thrown?.name === 'SyntaxError')
    return new ProgramCompileError(`SyntaxError: ${thrown.message}`, { ...at, cause: fault });
  if (thrown)
    return new ProgramCompileError(`top-level code threw ${thrown.name}: ${thrown.message}`, { ...at, cause: fault });
  return new ProgramCompileError(`top-level code: ${fault.message}`, { cause: fault });
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
