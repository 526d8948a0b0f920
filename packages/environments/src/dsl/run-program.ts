import type { DslExpr, DslValue, IntFunction, Predicate, ZipOperator } from './dsl-program';

function applyFunction(fn: IntFunction, x: number): number {
  if (fn.op === '+') return x + fn.k;
  if (fn.op === '-') return x - fn.k;
  return x * fn.k;
}

function holds(pred: Predicate, x: number): boolean {
  switch (pred.op) {
    case 'even':
      return x % 2 === 0;
    case 'odd':
      return x % 2 !== 0;
    case '>':
      return x > pred.k;
    default:
      return x < pred.k;
  }
}

function zipValue(zip: ZipOperator, a: number, b: number): number {
  switch (zip) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case 'max':
      return Math.max(a, b);
    default:
      return Math.min(a, b);
  }
}

/** `-0` and `0` are the same int of the language; normalising keeps JSON and comparisons honest. */
const int = (x: number): number => (x === 0 ? 0 : x);

/**
 * One operator applied to its children's values (`left` then `right` for `zipwith`); the children in
 * `expr` are ignored. The search calls this directly on values it has already computed.
 */
export function applyOperator(expr: DslExpr, left: DslValue, right?: DslValue): DslValue {
  const list = left as number[];
  switch (expr.op) {
    case 'xs':
      return left;
    case 'map':
      return list.map((x) => int(applyFunction(expr.fn, x)));
    case 'filter':
      return list.filter((x) => holds(expr.pred, x));
    case 'count':
      return list.filter((x) => holds(expr.pred, x)).length;
    case 'take':
      return list.slice(0, expr.n);
    case 'drop':
      return list.slice(expr.n);
    case 'sort':
      return [...list].sort((a, b) => a - b);
    case 'reverse':
      return [...list].reverse();
    case 'zipwith': {
      const other = right as number[];
      const length = Math.min(list.length, other.length);
      return Array.from({ length }, (_, i) => int(zipValue(expr.zip, list[i] as number, other[i] as number)));
    }
    case 'sum':
      return list.reduce((sum, x) => sum + x, 0);
    case 'length':
      return list.length;
    case 'max':
      return list.length === 0 ? 0 : Math.max(...list);
    case 'min':
      return list.length === 0 ? 0 : Math.min(...list);
    case 'head':
      return list[0] ?? 0;
    case 'last':
      return list[list.length - 1] ?? 0;
  }
}

/**
 * Runs a program on one input list.
 *
 * @example
 * runProgram(parseProgram('(sum (map (* 2) (filter even xs)))'), [1, 2, 3, 4]); // => 12
 */
export function runProgram(expr: DslExpr, input: readonly number[]): DslValue {
  switch (expr.op) {
    case 'xs':
      return [...input];
    case 'zipwith':
      return applyOperator(expr, runProgram(expr.left, input), runProgram(expr.right, input));
    default:
      return applyOperator(expr, runProgram(expr.list, input));
  }
}

/** Equality of two values of the language. */
export function sameValue(a: DslValue, b: DslValue): boolean {
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
