import { DslParseError } from './dsl-parse-error';
import {
  type DslExpr,
  dslComparisons,
  dslFunctionOperators,
  dslParityPredicates,
  dslZipOperators,
  type IntFunction,
  isFold,
  type Predicate,
  type ZipOperator,
} from './dsl-program';

type Sexp = string | Sexp[];

function tokenize(source: string): Array<{ token: string; at: number }> {
  const tokens: Array<{ token: string; at: number }> = [];
  const pattern = /\(|\)|[^\s()]+/g;
  for (let match = pattern.exec(source); match !== null; match = pattern.exec(source)) {
    tokens.push({ token: match[0], at: match.index });
  }
  return tokens;
}

const oneOf = (names: readonly string[], item: unknown): boolean => typeof item === 'string' && names.includes(item);

/**
 * Reads a program's source text (the form `printProgram` writes; whitespace is free).
 *
 * @throws {DslParseError} when the text is not a program of the language.
 * @example
 * parseProgram('(take 2 (sort xs))'); // => { op: 'take', n: 2, list: { op: 'sort', list: { op: 'xs' } } }
 */
export function parseProgram(source: string): DslExpr {
  const tokens = tokenize(source);
  let next = 0;
  const fail = (problem: string, at = tokens[next]?.at ?? source.length): never => {
    throw new DslParseError({ problem, source, position: at });
  };

  const readSexp = (): Sexp => {
    const current = tokens[next++];
    if (!current) return fail('unexpected end of input');
    if (current.token === ')') return fail('unexpected ")"', current.at);
    if (current.token !== '(') return current.token;
    const items: Sexp[] = [];
    while (tokens[next]?.token !== ')') {
      if (next >= tokens.length) return fail('missing ")"');
      items.push(readSexp());
    }
    next++;
    return items;
  };

  const integer = (item: Sexp | undefined, what: string): number => {
    if (typeof item !== 'string' || !/^-?\d{1,9}$/.test(item)) return fail(`expected an integer ${what}`);
    return Number(item);
  };

  const intFunction = (item: Sexp | undefined): IntFunction => {
    if (!Array.isArray(item) || item.length !== 2 || !oneOf(dslFunctionOperators, item[0])) {
      return fail('expected a function (+ k), (- k) or (* k)');
    }
    return { op: item[0] as IntFunction['op'], k: integer(item[1], 'k') };
  };

  const predicate = (item: Sexp | undefined): Predicate => {
    if (typeof item === 'string' && oneOf(dslParityPredicates, item)) return { op: item as 'even' | 'odd' };
    if (!Array.isArray(item) || item.length !== 2 || !oneOf(dslComparisons, item[0])) {
      return fail('expected a predicate even, odd, (> k) or (< k)');
    }
    return { op: item[0] as '>' | '<', k: integer(item[1], 'k') };
  };

  const expr = (item: Sexp): DslExpr => {
    if (item === 'xs') return { op: 'xs' };
    if (!Array.isArray(item) || typeof item[0] !== 'string') return fail('expected xs or an operator application');
    const [head, ...args] = item;
    const arity = (n: number) => args.length === n || fail(`${head} takes ${n} argument${n === 1 ? '' : 's'}`);
    if (head === 'map' && arity(2)) return { op: 'map', fn: intFunction(args[0]), list: expr(args[1] as Sexp) };
    if ((head === 'filter' || head === 'count') && arity(2)) {
      return { op: head, pred: predicate(args[0]), list: expr(args[1] as Sexp) };
    }
    if ((head === 'take' || head === 'drop') && arity(2)) {
      const n = integer(args[0], 'count');
      return n < 0 ? fail(`${head} needs a count ≥ 0`) : { op: head, n, list: expr(args[1] as Sexp) };
    }
    if (head === 'zipwith' && arity(3)) {
      const zip = args[0];
      if (!oneOf(dslZipOperators, zip)) return fail(`expected a zip operator ${dslZipOperators.join(', ')}`);
      return { op: 'zipwith', zip: zip as ZipOperator, left: expr(args[1] as Sexp), right: expr(args[2] as Sexp) };
    }
    if ((head === 'sort' || head === 'reverse' || isFold(head)) && arity(1)) {
      return { op: head as 'sort', list: expr(args[0] as Sexp) };
    }
    return fail(`unknown operator "${head}"`);
  };

  const program = expr(readSexp());
  if (next < tokens.length) fail('unexpected text after the program');
  // The grammar is typed: list operators need list arguments.
  assertListArguments(program, fail);
  return program;
}

function assertListArguments(expr: DslExpr, fail: (problem: string) => never): void {
  const children = expr.op === 'xs' ? [] : expr.op === 'zipwith' ? [expr.left, expr.right] : [expr.list];
  for (const child of children) {
    if (child.op === 'count' || isFold(child.op)) fail(`${expr.op} needs a list, got the int (${child.op} …)`);
    assertListArguments(child, fail);
  }
}
