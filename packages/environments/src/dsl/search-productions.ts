import { createHash } from 'node:crypto';
import type { LibraryFragment } from './dsl-library';
import {
  compose,
  type DslExpr,
  type DslOperator,
  type DslType,
  type DslValue,
  dslFolds,
  dslZipOperators,
  type IntFunction,
  type Predicate,
  printProgram,
  typeOf,
} from './dsl-program';
import { parseProgram } from './parse-program';
import { applyOperator, runProgram } from './run-program';

/** One operator with its argument fixed, children left open: a step of bottom-up enumeration. */
export interface SearchProduction {
  /** The operator, or `fragment` for a library fragment (a learned program applied as one step). */
  readonly operator: DslOperator | 'fragment';
  /**
   * The operator with `xs` in place of its children (`applyOperator` ignores them); for a fragment,
   * its whole program, every `xs` standing for the one child.
   */
  readonly template: DslExpr;
  readonly arity: 1 | 2;
  readonly output: DslType;
  /** `zipwith` ops whose argument order does not matter: half their pairs are skipped. */
  readonly commutative: boolean;
  /** A fragment's weight in the search's pick; an operator's comes from the priors. */
  readonly weight?: number;
}

const xs: DslExpr = { op: 'xs' };

export const searchFunctions: readonly IntFunction[] = [
  { op: '+', k: 1 },
  { op: '+', k: 2 },
  { op: '+', k: 3 },
  { op: '-', k: 1 },
  { op: '*', k: 2 },
  { op: '*', k: 3 },
  { op: '*', k: -1 },
];

export const searchPredicates: readonly Predicate[] = [
  { op: 'even' },
  { op: 'odd' },
  { op: '>', k: 0 },
  { op: '>', k: 3 },
  { op: '<', k: 0 },
  { op: '<', k: 3 },
];

/**
 * The enumerator's (and the task generator's) vocabulary: every operator with the small constants it
 * tries. The language itself accepts any integer constant; the search only tries these.
 */
export const searchProductions: readonly SearchProduction[] = [
  ...searchFunctions.map((fn) => unary('map', { op: 'map', fn, list: xs }, 'list')),
  ...searchPredicates.map((pred) => unary('filter', { op: 'filter', pred, list: xs }, 'list')),
  unary('sort', { op: 'sort', list: xs }, 'list'),
  unary('reverse', { op: 'reverse', list: xs }, 'list'),
  ...[1, 2, 3].map((n) => unary('take', { op: 'take', n, list: xs }, 'list')),
  ...[1, 2, 3].map((n) => unary('drop', { op: 'drop', n, list: xs }, 'list')),
  ...dslZipOperators.map(
    (zip): SearchProduction => ({
      operator: 'zipwith',
      template: { op: 'zipwith', zip, left: xs, right: xs },
      arity: 2,
      output: 'list',
      commutative: zip !== '-',
    }),
  ),
  ...dslFolds.map((fold) => unary(fold, { op: fold, list: xs }, 'int')),
  ...searchPredicates.map((pred) => unary('count', { op: 'count', pred, list: xs }, 'int')),
];

function unary(operator: DslOperator, template: DslExpr, output: DslType): SearchProduction {
  return { operator, template, arity: 1, output, commutative: false };
}

/**
 * The productions of a search with a library: the operators, then one unary production per fragment,
 * in the library's order (a checkpoint's bank entries index this list, so the order is fixed).
 */
export function productionsWith(library: readonly LibraryFragment[]): readonly SearchProduction[] {
  if (library.length === 0) return searchProductions;
  return [
    ...searchProductions,
    ...library.map((fragment): SearchProduction => {
      const template = parseProgram(fragment.program);
      return {
        operator: 'fragment',
        template,
        arity: 1,
        output: typeOf(template),
        commutative: false,
        weight: fragment.weight,
      };
    }),
  ];
}

/** What identifies a library to a checkpoint: its programs in order (weights change no bank entry). */
export function libraryKey(library: readonly LibraryFragment[]): string {
  if (library.length === 0) return '';
  const programs = library.map((fragment) => printProgram(parseProgram(fragment.program)));
  return createHash('sha256').update(programs.join('\n')).digest('hex').slice(0, 16);
}

/** A production applied to its children's values (one value per child, for one input). */
export function applyProduction(production: SearchProduction, left: DslValue, right?: DslValue): DslValue {
  if (production.operator === 'fragment') return runProgram(production.template, left as number[]);
  return applyOperator(production.template, left, right);
}

/** The production's template with real children, for printing and running. */
export function instantiate(production: SearchProduction, left: DslExpr, right?: DslExpr): DslExpr {
  const template = production.template;
  if (production.operator === 'fragment') return compose(template, left);
  if (template.op === 'zipwith') return { ...template, left, right: right ?? left };
  if (template.op === 'xs') return template;
  return { ...template, list: left };
}
