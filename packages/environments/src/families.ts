import type { Family } from '@ratchet/runtime';
import { type DslFamilyOptionsInput, dslFamily } from './dsl/dsl-family';
import { EnvironmentsError } from './environments-error';
import { type SatFamilyOptionsInput, satFamily } from './sat/sat-family';
import { type SimFamilyOptionsInput, simFamily } from './sim/sim-family';

/**
 * The options each registered family takes, by id, for typed configs (`defineConfig`). A family in
 * another package adds itself by declaration merging, next to its `registerFamily` call:
 * `declare module '@ratchet/environments' { interface FamilyOptionsByKind { mine: MineOptions } }`.
 */
export interface FamilyOptionsByKind {
  dsl: DslFamilyOptionsInput;
  sat: SatFamilyOptionsInput;
  sim: SimFamilyOptionsInput;
}

const registry = new Map<string, Family>();

/**
 * Makes a family available by its id (what a config's `kind` names). A new family is one module
 * implementing `Family` plus one call here or in its own package. Registering the same family again
 * does nothing.
 *
 * @throws {EnvironmentsError} when another family already has the id.
 * @example
 * registerFamily(myFamily);
 * findFamily('mine')?.create({ count: 10 });
 */
export function registerFamily(family: Family): void {
  const registered = registry.get(family.id);
  if (registered !== undefined && registered !== family) {
    throw new EnvironmentsError(
      `registerFamily: another family is already registered as "${family.id}"; give the new family its own id`,
    );
  }
  registry.set(family.id, family);
}

/** The family registered under `id`, or undefined. */
export function findFamily(id: string): Family | undefined {
  return registry.get(id);
}

/** The ids of every registered family, in registration order (the built-ins first). */
export function familyIds(): string[] {
  return [...registry.keys()];
}

registerFamily(dslFamily);
registerFamily(satFamily);
registerFamily(simFamily);
