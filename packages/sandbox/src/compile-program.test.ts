import { describe, expect, it } from 'vitest';
import { compileProgram } from './compile-program';
import { InvalidLimitsError } from './invalid-limits-error';
import { ProgramCompileError } from './program-compile-error';
import { programHash } from './program-hash';
import { programStrategy } from './program-strategy';

const body = 'export default async function (ctx) { await ctx.shot(); }';

async function compileError(source: string, limits = {}): Promise<ProgramCompileError> {
  try {
    await compileProgram(source, { limits });
  } catch (error) {
    if (ProgramCompileError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('compiled');
}

describe('compileProgram', () => {
  it('names a program by its declared name, and identifies it by the hash of its source', async () => {
    const program = await compileProgram(`export const name = 'once';\n${body}`);
    expect(program).toEqual({ source: `export const name = 'once';\n${body}`, name: 'once', hash: program.hash });
    expect(program.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(program.hash).toBe(programHash(program.source));
    expect(programHash(`${body} `)).not.toBe(programHash(body));
  });

  it('falls back to program-<hash8> when the name is missing, computed or long', async () => {
    for (const source of [
      body,
      `export const name = 'a' + 'b';\n${body}`,
      `export const name = '${'x'.repeat(65)}';\n${body}`,
    ]) {
      const program = await compileProgram(source);
      expect(program.name).toBe(`program-${program.hash.slice(0, 8)}`);
    }
  });

  it('reports a syntax error with its line and column', async () => {
    const error = await compileError(`export default async function (ctx) {\n  const x = ;\n}`);
    expect(error).toMatchObject({ line: 2, column: 13, problem: expect.stringMatching(/^SyntaxError: /) });
    expect(error.message).toMatch(/^strategy program at line 2:13: SyntaxError/);
  });

  it('refuses a module with no default export, or a default that is not a function', async () => {
    expect((await compileError('export const name = "x";')).problem).toBe('the module has no default export');
    expect((await compileError('export default 42;')).problem).toBe('the default export is a number, not a function');
    expect((await compileError('export default { run() {} };')).problem).toBe(
      'the default export is an object, not a function',
    );
  });

  it('reports top-level code that throws, with its line', async () => {
    const error = await compileError(`const table = {};\ntable.missing.field = 1;\n${body}`);
    expect(error).toMatchObject({ line: 2, problem: expect.stringMatching(/^top-level code threw TypeError/) });
  });

  it('stops top-level code that runs away, under the limits it is compiled with', async () => {
    expect((await compileError(`for (;;) {}\n${body}`, { cpuMs: 100 })).problem).toMatch(/CPU limit \(cpuMs 100 ms/);
    expect((await compileError(`await new Promise(() => {});\n${body}`)).problem).toMatch(/nothing will settle/);
  });

  it('refuses an empty source and out-of-range limits', async () => {
    expect((await compileError('  \n')).problem).toBe('the source is empty');
    await expect(compileProgram(body, { limits: { cpuMs: 0 } })).rejects.toThrow(InvalidLimitsError);
    await expect(compileProgram(body, { limits: { stackBytes: 64 * 1024 * 1024 } })).rejects.toThrow(/stackBytes/);
  });

  it('programStrategy refuses a program whose hash is not its source’s', async () => {
    const program = await compileProgram(body);
    expect(() => programStrategy({ ...program, source: `${program.source}\n` })).toThrow(
      /make programs with compileProgram/,
    );
    expect(programStrategy(program).name).toBe(program.name);
  });
});
