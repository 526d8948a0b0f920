import type { RunManifest } from '@ratchet/corpus';
import { type ArmShape, armWith } from './primary-contrast';

/**
 * A contrast's family, each BH-corrected on its own: `decomposition` (compute, continuation, steering:
 * what a steering result is made of), `primary` (a pre-registered contrast outside the decomposition),
 * `exploratory` (every other arm against the equal-compute control).
 */
export type ContrastFamily = 'decomposition' | 'primary' | 'exploratory';

export interface PlannedContrast {
  name: string;
  baseline: string;
  candidate: string;
  family: ContrastFamily;
  /** The contrast named in the manifest before the run. */
  primary: boolean;
}

const shapes = (manifest: RunManifest): ArmShape[] =>
  manifest.arms.map((arm) => ({ id: arm.armId, strategy: arm.strategy, k: arm.k }));

/** The equal-compute control: `random` at the primary candidate's k, else the primary's baseline. */
export function controlArmOf(manifest: RunManifest): string {
  const candidate = manifest.arms.find((arm) => arm.armId === manifest.primaryContrast.candidate);
  return armWith(shapes(manifest), 'random', candidate?.k)?.id ?? manifest.primaryContrast.baseline;
}

/**
 * The contrasts a run reports. The decomposition of a steering result at the primary candidate's k —
 * compute (`random − blind`), continuation (`continue − random`), steering (`refine − continue`, or
 * `refine − random` without a continue arm) — for the arms the run has; the primary contrast, in the
 * decomposition when it is one of them; then every other arm against the equal-compute control.
 */
export function plannedContrasts(manifest: RunManifest): PlannedContrast[] {
  const arms = shapes(manifest);
  const { primaryContrast } = manifest;
  const k = manifest.arms.find((arm) => arm.armId === primaryContrast.candidate)?.k;
  const blind = armWith(arms, 'blind');
  const random = armWith(arms, 'random', k);
  const cont = armWith(arms, 'continue', k);
  const refine = armWith(arms, 'refine', k);
  const parts: Array<[string, ArmShape | undefined, ArmShape | undefined]> = [
    ['compute', blind, random],
    ['continuation', random, cont],
    ['steering', cont ?? random, refine],
  ];
  const isPrimary = (baseline: string, candidate: string) =>
    primaryContrast.baseline === baseline && primaryContrast.candidate === candidate;
  const planned: PlannedContrast[] = [];
  for (const [name, baseline, candidate] of parts) {
    if (!baseline || !candidate || baseline.id === candidate.id) continue;
    const primary = isPrimary(baseline.id, candidate.id);
    planned.push({
      name: primary ? primaryContrast.name : name,
      baseline: baseline.id,
      candidate: candidate.id,
      family: 'decomposition',
      primary,
    });
  }
  if (!planned.some((contrast) => contrast.primary)) {
    planned.unshift({ ...primaryContrast, family: 'primary', primary: true });
  }
  const control = controlArmOf(manifest);
  const covered = new Set(planned.flatMap((contrast) => [contrast.baseline, contrast.candidate]));
  for (const arm of manifest.arms) {
    if (arm.armId === control || covered.has(arm.armId)) continue;
    planned.push({
      name: `${arm.armId} − ${control}`,
      baseline: control,
      candidate: arm.armId,
      family: 'exploratory',
      primary: false,
    });
  }
  return planned;
}
