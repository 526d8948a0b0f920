import { z } from 'zod';
import { type DslExpr, programSize } from './dsl-program';
import { parseProgram } from './parse-program';

/** The most fragments a library may hold: each is a production the search tries at every level. */
export const maxLibraryFragments = 64;

/** Why `program` cannot be a library fragment, or null when it can. */
export function fragmentProblem(program: string): string | null {
  let expr: DslExpr;
  try {
    expr = parseProgram(program);
  } catch (error) {
    return (error as Error).message;
  }
  // One operator is already a production; a fragment earns its place by standing for several.
  if (programSize(expr) < 2) return `a fragment needs at least 2 operators, "${program}" has ${programSize(expr)}`;
  return null;
}

/**
 * One fragment of a learned library, as steers and controller parameters carry it: a program over
 * `xs` that the search applies to any banked child as one step (every `xs` stands for the child), with
 * its weight in the search's pick (an operator's weight is its prior, 1 by default).
 */
export const libraryFragmentSchema = z
  .strictObject({
    program: z.string().min(1).max(1000),
    weight: z.number().positive().max(1000).optional(),
  })
  .superRefine((fragment, ctx) => {
    const problem = fragmentProblem(fragment.program);
    if (problem !== null) ctx.addIssue({ code: 'custom', path: ['program'], message: problem });
  });
export type LibraryFragmentInput = z.input<typeof libraryFragmentSchema>;

/** A library fragment with its weight filled in (1, like an operator's default prior). */
export interface LibraryFragment {
  readonly program: string;
  readonly weight: number;
}

/** A library as steers carry it: at most `maxLibraryFragments` fragments, no program twice. */
export const librarySchema = z
  .array(libraryFragmentSchema)
  .max(maxLibraryFragments)
  .superRefine((fragments, ctx) => {
    const seen = new Set<string>();
    fragments.forEach((fragment, i) => {
      const key = fragment.program.trim().replace(/\s+/g, ' ');
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'program'], message: `"${key}" appears twice` });
      seen.add(key);
    });
  });
