import {
  type DslExpr,
  type DslOperator,
  type DslType,
  dslFolds,
  dslZipOperators,
  type IntFunction,
  type Predicate,
} from './dsl-program';

/** One operator with its argument fixed, children left open: a step of bottom-up enumeration. */
export interface SearchProduction {
  readonly operator: DslOperator;
  /** The operator with `xs` in place of its children; `applyOperator` ignores them. */
  readonly template: DslExpr;
  readonly arity: 1 | 2;
  readonly output: DslType;
  /** `zipwith` ops whose argument order does not matter: half their pairs are skipped. */
  readonly commutative: boolean;
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

/** The production's template with real children, for printing and running. */
export function instantiate(production: SearchProduction, left: DslExpr, right?: DslExpr): DslExpr {
  const template = production.template;
  if (template.op === 'zipwith') return { ...template, left, right: right ?? left };
  if (template.op === 'xs') return template;
  return { ...template, list: left };
}
