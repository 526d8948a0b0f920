/** A value of the language: an int or an int list. */
export type DslValue = number | number[];
export type DslType = 'int' | 'list';

// The language's vocabulary, defined once: the types, the parser, the search and the task generator
// all read these lists.

/** `(+ k)`, `(- k)`, `(* k)`: the int → int lambdas `map` takes. */
export const dslFunctionOperators = ['+', '-', '*'] as const;
/** `even`, `odd`: predicates without a constant. */
export const dslParityPredicates = ['even', 'odd'] as const;
/** `(> k)`, `(< k)`: predicates with a constant. */
export const dslComparisons = ['>', '<'] as const;
/** What `zipwith` combines two lists' elements with. */
export const dslZipOperators = ['+', '-', '*', 'max', 'min'] as const;
/** List → int operators without an argument. */
export const dslFolds = ['sum', 'max', 'min', 'length', 'head', 'last'] as const;

export interface IntFunction {
  readonly op: (typeof dslFunctionOperators)[number];
  readonly k: number;
}

/** `even`, `odd`, `(> k)`, `(< k)`: the predicates `filter` and `count` take. */
export type Predicate =
  | { readonly op: (typeof dslParityPredicates)[number] }
  | { readonly op: (typeof dslComparisons)[number]; readonly k: number };

export type ZipOperator = (typeof dslZipOperators)[number];

export type Fold = (typeof dslFolds)[number];

/** Whether an operator name is a fold (a list → int operator without an argument). */
export function isFold(name: string): name is Fold {
  return (dslFolds as readonly string[]).includes(name);
}

/**
 * A program of the language, over one input list `xs`. Typed: `map`, `filter`, `sort`, `reverse`,
 * `take`, `drop` and `zipwith` give lists; `count` and the folds give ints, so an int is always the
 * root. Empty-list folds (`max`, `min`, `head`, `last`) give 0, so every program is total.
 */
export type DslExpr =
  | { readonly op: 'xs' }
  | { readonly op: 'map'; readonly fn: IntFunction; readonly list: DslExpr }
  | { readonly op: 'filter' | 'count'; readonly pred: Predicate; readonly list: DslExpr }
  | { readonly op: 'take' | 'drop'; readonly n: number; readonly list: DslExpr }
  | { readonly op: 'sort' | 'reverse' | Fold; readonly list: DslExpr }
  | { readonly op: 'zipwith'; readonly zip: ZipOperator; readonly left: DslExpr; readonly right: DslExpr };

/** Every operator of the language: the names steer priors refer to, in the search's order. */
export const dslOperators = [
  'map',
  'filter',
  'sort',
  'reverse',
  'take',
  'drop',
  'zipwith',
  ...dslFolds,
  'count',
] as const;
export type DslOperator = (typeof dslOperators)[number];

export function typeOf(expr: DslExpr): DslType {
  return expr.op === 'count' || isFold(expr.op) ? 'int' : 'list';
}

export function childrenOf(expr: DslExpr): DslExpr[] {
  if (expr.op === 'xs') return [];
  if (expr.op === 'zipwith') return [expr.left, expr.right];
  return [expr.list];
}

/** Operator applications in the program (`xs` counts 0): the difficulty measure. */
export function programSize(expr: DslExpr): number {
  return expr.op === 'xs' ? 0 : 1 + childrenOf(expr).reduce((sum, child) => sum + programSize(child), 0);
}

/** Nesting depth of operator applications (`xs` is 0, `(sum xs)` is 1). */
export function programDepth(expr: DslExpr): number {
  return expr.op === 'xs' ? 0 : 1 + Math.max(...childrenOf(expr).map(programDepth));
}

function printFunction(fn: IntFunction): string {
  return `(${fn.op} ${fn.k})`;
}

function printPredicate(pred: Predicate): string {
  return 'k' in pred ? `(${pred.op} ${pred.k})` : pred.op;
}

/**
 * The program's source text, the form workers output and `parseProgram` reads back.
 *
 * @example
 * printProgram({ op: 'sum', list: { op: 'xs' } }); // => '(sum xs)'
 */
export function printProgram(expr: DslExpr): string {
  switch (expr.op) {
    case 'xs':
      return 'xs';
    case 'map':
      return `(map ${printFunction(expr.fn)} ${printProgram(expr.list)})`;
    case 'filter':
    case 'count':
      return `(${expr.op} ${printPredicate(expr.pred)} ${printProgram(expr.list)})`;
    case 'take':
    case 'drop':
      return `(${expr.op} ${expr.n} ${printProgram(expr.list)})`;
    case 'zipwith':
      return `(zipwith ${expr.zip} ${printProgram(expr.left)} ${printProgram(expr.right)})`;
    default:
      return `(${expr.op} ${printProgram(expr.list)})`;
  }
}

/**
 * Puts `inner` where `outer` reads its input (`xs`): the program outer(inner(xs)). Every `xs` of
 * `outer` is replaced, so a fragment over `xs` (a library production) applies to any child this way.
 *
 * @example
 * printProgram(compose(parseProgram('(sum xs)'), parseProgram('(sort xs)'))); // => '(sum (sort xs))'
 */
export function compose(outer: DslExpr, inner: DslExpr): DslExpr {
  switch (outer.op) {
    case 'xs':
      return inner;
    case 'zipwith':
      return { ...outer, left: compose(outer.left, inner), right: compose(outer.right, inner) };
    default:
      return { ...outer, list: compose(outer.list, inner) };
  }
}
