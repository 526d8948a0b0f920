import { createRng, type Rng } from '@ratchet/stats';
import { compose, type DslExpr, printProgram } from './dsl-program';
import type { DifficultyLevel } from './dsl-task-input';
import { runProgram } from './run-program';
import { instantiate, searchProductions } from './search-productions';

/**
 * The dsl domain's parameters, fixed before anything was measured on it (issue 14) and not to be tuned
 * after a learner's results: a domain has 8 idioms, each a chain of 2 list operators (no `zipwith`);
 * a task's target chains idioms by level — easy 1 (2 operators), medium 2 (4), hard 3 (6),
 * out of reach 4 (8) — drawn with the uniform family's level mix (30 / 30 / 25 / 15%); half the targets
 * end in a fold or `count` (one operator more). At the default 20,000 search steps the base operators
 * alone reach most 2–3-operator targets and few of 6 or more; with the idioms as one-step productions,
 * a hard target is a 3-step search.
 */
export const dslDomainParameters = Object.freeze({
  idioms: 8,
  idiomSize: 2,
  levels: Object.freeze([
    { level: 'easy', upTo: 0.3, idioms: 1 },
    { level: 'medium', upTo: 0.6, idioms: 2 },
    { level: 'hard', upTo: 0.85, idioms: 3 },
    { level: 'out-of-reach', upTo: 1, idioms: 4 },
  ] as const),
  intRootShare: 0.5,
});

/** A domain: its seed and its hidden idioms (list → list chains over the base operators). */
export interface DslDomain {
  readonly seed: string;
  readonly idioms: readonly DslExpr[];
}

const listUnary = searchProductions.filter((p) => p.output === 'list' && p.arity === 1);
const intRoots = searchProductions.filter((p) => p.output === 'int');
const probes: readonly number[][] = [
  [3, -1, 4, 1, -5, 9, 2, 6],
  [5, 3, 5],
  [-2, 7, 1, 8, 2, 8, 1, 8],
  [0, 1, 2, 3, 4, 5],
];
const key = (value: unknown) => JSON.stringify(value);

/**
 * An idiom worth learning: it changes its input, is not the same as either of its operators alone,
 * and does not empty most lists (so chains of it keep information).
 */
function worthLearning(idiom: DslExpr, parts: readonly DslExpr[]): boolean {
  const outputs = probes.map((input) => key(runProgram(idiom, input)));
  if (probes.every((input, i) => key(input) === outputs[i])) return false;
  if (outputs.filter((output) => output === '[]').length > 1) return false;
  return parts.every((part) => probes.some((input, i) => key(runProgram(part, input)) !== outputs[i]));
}

/** The domain for a seed: its idioms are drawn once, distinct, and depend on the seed alone. */
export function dslDomain(seed: string | number): DslDomain {
  const rng = createRng(seed).fork('dsl-domain');
  const idioms: DslExpr[] = [];
  const seen = new Set<string>();
  while (idioms.length < dslDomainParameters.idioms) {
    const parts: DslExpr[] = [];
    let idiom: DslExpr = { op: 'xs' };
    for (let i = 0; i < dslDomainParameters.idiomSize; i++) {
      const step = instantiate(listUnary[rng.int(listUnary.length)] as (typeof listUnary)[number], { op: 'xs' });
      parts.push(step);
      idiom = compose(step, idiom);
    }
    const printed = printProgram(idiom);
    if (seen.has(printed) || !worthLearning(idiom, parts)) continue;
    seen.add(printed);
    idioms.push(idiom);
  }
  return { seed: String(seed), idioms };
}

/** A target drawn from the domain: its level, the idioms it chains (by index), and the program. */
export function domainTarget(
  domain: DslDomain,
  rng: Rng,
): { level: DifficultyLevel; idioms: number[]; target: DslExpr } {
  const u = rng.next();
  const spec = dslDomainParameters.levels.find((one) => u < one.upTo) ?? dslDomainParameters.levels[3];
  const chosen = Array.from({ length: spec.idioms }, () => rng.int(domain.idioms.length));
  let target: DslExpr = { op: 'xs' };
  for (const index of chosen) target = compose(domain.idioms[index] as DslExpr, target);
  if (rng.next() < dslDomainParameters.intRootShare) {
    target = instantiate(intRoots[rng.int(intRoots.length)] as (typeof intRoots)[number], target);
  }
  return { level: spec.level, idioms: chosen, target };
}
