import { RuntimeError } from '../contracts/runtime-error';

/** The contrast named before the run (docs/design.md rule 6): candidate − baseline. */
export interface PrimaryContrast {
  name: string;
  baseline: string;
  candidate: string;
}

/** What the contrast rules need of an arm: its id, its strategy's name and its k. */
export interface ArmShape {
  readonly id: string;
  readonly strategy: string | { readonly name: string };
  readonly k: number;
}

const strategyOf = (arm: ArmShape) => (typeof arm.strategy === 'string' ? arm.strategy : arm.strategy.name);

/** The first arm running `strategy` at `k` (any k when omitted). */
export function armWith(arms: readonly ArmShape[], strategy: string, k?: number): ArmShape | undefined {
  return arms.find((arm) => strategyOf(arm) === strategy && (k === undefined || arm.k === k));
}

/**
 * The default pre-registered contrast, the one rule everything uses (runtime, CLI config checks):
 * `steering = refine − continue` when a `continue` arm runs at the refine arm's k — the steer's own
 * effect, with continuation held fixed — else `steering = refine − random` at the same k.
 *
 * @throws {RuntimeError} when the arms hold no refine arm with a continue or random arm at its k.
 * @example
 * defaultPrimaryContrast([{ id: 'r', strategy: 'random', k: 4 }, { id: 'c', strategy: 'continue', k: 4 }, { id: 'f', strategy: 'refine', k: 4 }]);
 * // => { name: 'steering', baseline: 'c', candidate: 'f' }
 */
export function defaultPrimaryContrast(arms: readonly ArmShape[]): PrimaryContrast {
  const found = findDefaultContrast(arms);
  if (found) return found;
  throw new RuntimeError(
    'no refine arm with a continue or random arm at the same k to form the default primary contrast (steering = refine − continue, else refine − random); add them, or name the contrast: { name, baseline, candidate }',
  );
}

/** The default contrast, or null when the arms cannot form one. */
export function findDefaultContrast(arms: readonly ArmShape[]): PrimaryContrast | null {
  const refines = arms.filter((arm) => strategyOf(arm) === 'refine');
  for (const control of ['continue', 'random']) {
    for (const candidate of refines) {
      const baseline = armWith(arms, control, candidate.k);
      if (baseline) return { name: 'steering', baseline: baseline.id, candidate: candidate.id };
    }
  }
  return null;
}
