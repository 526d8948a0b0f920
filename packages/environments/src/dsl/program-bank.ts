import type { DslExpr, DslValue } from './dsl-program';
import { printProgram } from './dsl-program';
import { applyProduction, instantiate, type SearchProduction, searchProductions } from './search-productions';

/** A compact key of values (cheaper than JSON.stringify in the search's hottest path). */
function keyOf(values: readonly DslValue[]): string {
  let key = '';
  for (const value of values) key += typeof value === 'number' ? `${value}|` : `[${value.join(',')}]|`;
  return key;
}

/** A banked program: its production and child entries (-1 where there is none). Entry 0 is `xs`. */
export type BankEntry = [production: number, left: number, right: number];

/**
 * The list programs the search has found, one per behaviour on the visible inputs (observational
 * equivalence): a program that behaves like one already banked adds nothing a later step can use.
 * Stored as a DAG of entries so a checkpoint stays small; values are recomputed on restore.
 */
export class ProgramBank {
  readonly entries: BankEntry[] = [];
  readonly values: DslValue[][] = [];
  readonly sizes: number[] = [];
  readonly depths: number[] = [];
  /** Entry indices by program size. */
  readonly bySize: number[][] = [];
  readonly #seen = new Set<string>();
  readonly #inputs: readonly (readonly number[])[];
  readonly #productions: readonly SearchProduction[];

  /** @param productions what entries' production indices refer to: the operators, then a library's fragments. */
  constructor(
    inputs: readonly (readonly number[])[],
    entries: readonly BankEntry[] = [],
    productions: readonly SearchProduction[] = searchProductions,
  ) {
    this.#inputs = inputs;
    this.#productions = productions;
    this.#insert(
      [-1, -1, -1],
      inputs.map((input) => [...input]),
      0,
      0,
    );
    for (const entry of entries.slice(1)) {
      const [production, left, right] = entry;
      this.add(entry, this.evaluate(production, left, right));
    }
  }

  /** The values of a production applied to banked children, one per input. */
  evaluate(production: number, left: number, right: number): DslValue[] {
    const chosen = this.#productions[production] as SearchProduction;
    const lefts = this.values[left] as DslValue[];
    const rights = right >= 0 ? (this.values[right] as DslValue[]) : undefined;
    return this.#inputs.map((_, e) => applyProduction(chosen, lefts[e] as DslValue, rights?.[e]));
  }

  sizeOf(left: number, right: number): number {
    return 1 + (this.sizes[left] ?? 0) + (right >= 0 ? (this.sizes[right] ?? 0) : 0);
  }

  depthOf(left: number, right: number): number {
    return 1 + Math.max(this.depths[left] ?? 0, right >= 0 ? (this.depths[right] ?? 0) : 0);
  }

  /** Banks a list program unless one with the same values is banked already; says whether it was new. */
  add(entry: BankEntry, values: DslValue[]): boolean {
    const [, left, right] = entry;
    return this.#insert(entry, values, this.sizeOf(left, right), this.depthOf(left, right));
  }

  #insert(entry: BankEntry, values: DslValue[], size: number, depth: number): boolean {
    const key = keyOf(values);
    if (this.#seen.has(key)) return false;
    this.#seen.add(key);
    this.entries.push(entry);
    this.values.push(values);
    this.sizes.push(size);
    this.depths.push(depth);
    const sameSize = this.bySize[size] ?? [];
    sameSize.push(this.entries.length - 1);
    this.bySize[size] = sameSize;
    return true;
  }

  expr(index: number): DslExpr {
    const [production, left, right] = this.entries[index] as BankEntry;
    if (production < 0) return { op: 'xs' };
    return this.build(production, left, right);
  }

  /** The program of a production over banked children, banked or not. */
  build(production: number, left: number, right: number): DslExpr {
    const chosen = this.#productions[production] as SearchProduction;
    return instantiate(chosen, this.expr(left), right >= 0 ? this.expr(right) : undefined);
  }

  print(production: number, left: number, right: number): string {
    return printProgram(this.build(production, left, right));
  }
}
