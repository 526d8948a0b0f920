import { compose, type DslExpr, printProgram, programSize } from './dsl-program';

/**
 * One step of a chain: an operator over its single child (its template has `xs` for the child), or a
 * call of a library fragment mined earlier (`call` is its index; the template is its whole program).
 */
export interface ChainLink {
  readonly template: DslExpr;
  /** The template's source text: what two links must share to be the same step. */
  readonly key: string;
  readonly call: number | null;
}

/** A program in chain form: unary steps from the root down, ending at `xs` or at a `zipwith` of two chains. */
export interface ProgramChain {
  readonly links: ChainLink[];
  readonly tail: { readonly template: DslExpr; readonly left: ProgramChain; readonly right: ProgramChain } | null;
}

const xs: DslExpr = { op: 'xs' };

/** The operator applications of `expr` as chains: the form the miner compresses. */
export function chainOf(expr: DslExpr): ProgramChain {
  const links: ChainLink[] = [];
  let node = expr;
  while (node.op !== 'xs' && node.op !== 'zipwith') {
    const template = { ...node, list: xs } as DslExpr;
    links.push({ template, key: printProgram(template), call: null });
    node = node.list;
  }
  if (node.op === 'xs') return { links, tail: null };
  return {
    links,
    tail: { template: { ...node, left: xs, right: xs }, left: chainOf(node.left), right: chainOf(node.right) },
  };
}

/** Every chain of the program (the root's, then each zip's two), the order a rewrite visits them. */
export function chainsOf(chain: ProgramChain): ProgramChain[] {
  return chain.tail === null ? [chain] : [chain, ...chainsOf(chain.tail.left), ...chainsOf(chain.tail.right)];
}

/** The program of consecutive links, outermost first: what a fragment of them stands for. */
export function fragmentOf(links: readonly ChainLink[]): DslExpr {
  return links.reduceRight<DslExpr>((inner, link) => compose(link.template, inner), xs);
}

/** The program's size counting each fragment call as one step: what a library-aware search would enumerate. */
export function chainSize(chain: ProgramChain): number {
  const tail = chain.tail === null ? 0 : 1 + chainSize(chain.tail.left) + chainSize(chain.tail.right);
  return chain.links.length + tail;
}

/** How many operators a run of links stands for, fragments expanded. */
export function operatorsIn(links: readonly ChainLink[]): number {
  return programSize(fragmentOf(links));
}

/**
 * Replaces every occurrence of `key` (a run of `length` links whose fragment prints as `key`) by one call
 * of fragment `call`, left to right without overlaps; returns how many it replaced.
 */
export function rewriteChain(
  chain: ProgramChain,
  key: string,
  length: number,
  template: DslExpr,
  call: number,
): number {
  let replaced = 0;
  for (const one of chainsOf(chain)) {
    const links = one.links;
    for (let i = 0; i + length <= links.length; i++) {
      if (printProgram(fragmentOf(links.slice(i, i + length))) !== key) continue;
      links.splice(i, length, { template, key, call });
      replaced++;
    }
  }
  return replaced;
}

/** The productions a program uses, by operator name or `#i` for fragment i, with how often. */
export function usesOf(chain: ProgramChain, uses: Record<string, number> = {}): Record<string, number> {
  for (const link of chain.links) {
    const name = link.call === null ? link.template.op : `#${link.call}`;
    uses[name] = (uses[name] ?? 0) + 1;
  }
  if (chain.tail !== null) {
    uses.zipwith = (uses.zipwith ?? 0) + 1;
    usesOf(chain.tail.left, uses);
    usesOf(chain.tail.right, uses);
  }
  return uses;
}
