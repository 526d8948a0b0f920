import { z } from 'zod';

/**
 * A CNF formula in DIMACS convention: variables are 1..n, a clause is a list of non-zero literals,
 * `-v` meaning "v is false". Public input: anyone may check an assignment against it.
 */
export const satFormulaSchema = z.object({
  variables: z.number().int().min(1).max(1_000_000),
  clauses: z.array(
    z
      .array(
        z
          .number()
          .int()
          .refine((literal) => literal !== 0, 'a literal cannot be 0'),
      )
      .min(1),
  ),
});
export type SatFormula = z.infer<typeof satFormulaSchema>;

/** An assignment as outputs carry it: a bit string (`'0110…'`, variable 1 first) or an array of booleans. */
export type SatAssignment = string | readonly boolean[];

/**
 * Reads an assignment of `variables` variables into a boolean array (index 0 is variable 1), or
 * null when it is not one: a wrong length, a character other than 0/1, a non-boolean item.
 *
 * @example
 * parseAssignment('101', 3); // => [true, false, true]
 * parseAssignment([true], 3); // => null
 */
export function parseAssignment(value: unknown, variables: number): boolean[] | null {
  if (typeof value === 'string') {
    if (value.length !== variables || !/^[01]*$/.test(value)) return null;
    return Array.from(value, (bit) => bit === '1');
  }
  if (Array.isArray(value) && value.length === variables && value.every((item) => typeof item === 'boolean')) {
    return [...value];
  }
  return null;
}

/** `[true, false, true]` → `'101'`. */
export function toBitString(values: ArrayLike<boolean | number>): string {
  let bits = '';
  for (let i = 0; i < values.length; i++) bits += values[i] ? '1' : '0';
  return bits;
}

/**
 * How many clauses the assignment leaves unsatisfied: 0 means it is a solution. Cheap and
 * oracle-free, so both the environment's checks and the judge use it.
 *
 * @example
 * countUnsatisfied({ variables: 2, clauses: [[1, 2], [-1], [-2]] }, [false, true]); // => 1
 */
export function countUnsatisfied(formula: SatFormula, assignment: readonly boolean[]): number {
  let unsatisfied = 0;
  for (const clause of formula.clauses) {
    if (!clause.some((literal) => assignment[Math.abs(literal) - 1] === literal > 0)) unsatisfied++;
  }
  return unsatisfied;
}
