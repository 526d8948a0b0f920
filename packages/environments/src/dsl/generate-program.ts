import type { Rng } from '@ratchet/stats';
import type { DslExpr, DslType } from './dsl-program';
import { instantiate, searchProductions } from './search-productions';

const listUnary = searchProductions.filter((p) => p.output === 'list' && p.arity === 1);
const zips = searchProductions.filter((p) => p.arity === 2);
const intRoots = searchProductions.filter((p) => p.output === 'int');

function pickOne<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)] as T;
}

function randomList(rng: Rng, size: number): DslExpr {
  if (size === 0) return { op: 'xs' };
  // A zip in about one node in five keeps most targets chains, with some branching ones.
  if (size >= 2 && rng.next() < 0.2) {
    const leftSize = rng.int(size);
    return instantiate(pickOne(rng, zips), randomList(rng, leftSize), randomList(rng, size - 1 - leftSize));
  }
  return instantiate(pickOne(rng, listUnary), randomList(rng, size - 1));
}

/**
 * A random program of exactly `size` operator applications, over the search's vocabulary (so every
 * target is reachable in principle). The caller rejects degenerate ones.
 */
export function generateProgram(rng: Rng, size: number, type: DslType): DslExpr {
  if (type === 'list') return randomList(rng, size);
  return instantiate(pickOne(rng, intRoots), randomList(rng, size - 1));
}
