import { canonicalJson, type Steer } from '@ratchet/corpus';
import { z } from 'zod';
import type { SatClassSettings } from './sat-class-settings';
import { type SatInstanceClass, satInstanceClass, satInstanceClasses } from './sat-instance-class';
import { parseSatOptions } from './sat-options-error';
import { satSearchSettings } from './sat-search-settings';

/** One certified sat attempt as the miner reads it (from a corpus record and its task's input). */
export interface SatSettingsExample {
  readonly taskId: string;
  /** The task's input JSON: the public formula the class is computed from. */
  readonly input: unknown;
  /** The attempt's steer; null ran with the worker's defaults. */
  readonly steer: { readonly text: string; readonly parameters?: Record<string, unknown> | undefined } | null;
  /** Flips the attempt used; null when not measured (the example is then skipped). */
  readonly workUnits: number | null;
  /** When the attempt was recorded (ISO timestamp). */
  readonly createdAt: string;
}

export const mineSatSettingsOptionsSchema = z.strictObject({
  /** The fewest distinct tasks of a class that settings must have solved to be picked for it. */
  minSupport: z.number().int().min(1).default(3),
  /** Only attempts recorded before this ISO timestamp (exclusive): a cut-off such as a generation's start. */
  until: z.iso.datetime({ offset: true }).optional(),
});
export type MineSatSettingsOptions = z.input<typeof mineSatSettingsOptionsSchema>;

/** How one set of settings did on one instance class. */
export interface SatSettingsEvidence {
  readonly settings: SatClassSettings;
  /** Distinct tasks of the class these settings solved: the support. */
  readonly solved: number;
  /**
   * The median over every task of the class of the flips these settings needed (a task's replicates
   * by their median first), a task they did not solve counting as worse than any solved one; null
   * when they solved fewer than half the class's tasks, so the median is an unsolved task.
   */
  readonly medianFlips: number | null;
  /** Mean flips over the tasks they solved: the last tie-break before the settings themselves. */
  readonly meanSolvedFlips: number;
}

export interface SatClassRanking {
  readonly instanceClass: SatInstanceClass;
  /** Distinct tasks of the class with a certified attempt under any settings. */
  readonly tasks: number;
  /** Best first. */
  readonly candidates: readonly SatSettingsEvidence[];
}

export interface SatSettingsRanking {
  readonly classes: readonly SatClassRanking[];
  /** Examples left out: not a formula, a steer the worker would refuse, flips not measured, or not before `until`. */
  readonly skipped: number;
}

const median = (sorted: readonly number[]) => {
  const middle = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(middle)] as number) + (sorted[Math.ceil(middle)] as number)) / 2;
};

function settingsOf(steer: SatSettingsExample['steer']): SatClassSettings | null {
  try {
    // satSearchSettings reads only `parameters`, and validates them: the JSON type is not relied on.
    const { noise, restartEvery, weighting } = satSearchSettings(steer as Steer | null);
    return { noise, restartEvery, weighting };
  } catch {
    return null;
  }
}

function evidenceOf(
  settings: SatClassSettings,
  flipsByTask: Map<string, number[]>,
  tasks: number,
): SatSettingsEvidence {
  const solved = [...flipsByTask.values()].map((flips) => median([...flips].sort((a, b) => a - b)));
  solved.sort((a, b) => a - b);
  // Unsolved tasks sort after every solved one, so the median is reached only if at least half were solved.
  const padded = [...solved, ...Array<number>(tasks - solved.length).fill(Number.POSITIVE_INFINITY)];
  const middle = median(padded);
  return {
    settings,
    solved: solved.length,
    medianFlips: Number.isFinite(middle) ? middle : null,
    meanSolvedFlips: solved.reduce((sum, flips) => sum + flips, 0) / solved.length,
  };
}

/** Fewer median flips (null last), then more tasks solved, then fewer mean flips, then the settings' JSON. */
function compareEvidence(a: SatSettingsEvidence, b: SatSettingsEvidence): number {
  const medianA = a.medianFlips ?? Number.POSITIVE_INFINITY;
  const medianB = b.medianFlips ?? Number.POSITIVE_INFINITY;
  if (medianA !== medianB) return medianA < medianB ? -1 : 1;
  if (a.solved !== b.solved) return b.solved - a.solved;
  if (a.meanSolvedFlips !== b.meanSolvedFlips) return a.meanSolvedFlips - b.meanSolvedFlips;
  return canonicalJson(a.settings) < canonicalJson(b.settings) ? -1 : 1;
}

/**
 * Ranks, per instance class, the search settings (noise, restarts, weighting) of certified sat
 * attempts by the flips they needed — the rule `mineSatSettings` picks by. Read the contract there.
 *
 * @throws {SatOptionsError} when an option is invalid.
 */
export function rankSatSettings(
  examples: readonly SatSettingsExample[],
  options: MineSatSettingsOptions = {},
): SatSettingsRanking {
  const { until } = parseSatOptions('rankSatSettings', mineSatSettingsOptionsSchema, options);
  const cutoff = until === undefined ? Number.POSITIVE_INFINITY : Date.parse(until);
  // class → settings key → task → flips of each certified attempt
  const grouped = new Map<
    SatInstanceClass,
    Map<string, { settings: SatClassSettings; byTask: Map<string, number[]> }>
  >();
  const tasksOf = new Map<SatInstanceClass, Set<string>>();
  let skipped = 0;
  for (const example of examples) {
    const instanceClass = satInstanceClass(example.input);
    const settings = settingsOf(example.steer);
    const flips = example.workUnits;
    if (instanceClass === null || settings === null || flips === null || !(Date.parse(example.createdAt) < cutoff)) {
      skipped++;
      continue;
    }
    const key = canonicalJson(settings);
    const bySettings = grouped.get(instanceClass) ?? new Map();
    grouped.set(instanceClass, bySettings);
    const entry = bySettings.get(key) ?? { settings, byTask: new Map<string, number[]>() };
    bySettings.set(key, entry);
    entry.byTask.set(example.taskId, [...(entry.byTask.get(example.taskId) ?? []), flips]);
    tasksOf.set(instanceClass, (tasksOf.get(instanceClass) ?? new Set()).add(example.taskId));
  }
  const classes = satInstanceClasses.flatMap((instanceClass) => {
    const bySettings = grouped.get(instanceClass);
    if (bySettings === undefined) return [];
    const tasks = tasksOf.get(instanceClass)?.size ?? 0;
    const candidates = [...bySettings.values()]
      .map(({ settings, byTask }) => evidenceOf(settings, byTask, tasks))
      .sort(compareEvidence);
    return [{ instanceClass, tasks, candidates }];
  });
  return { classes, skipped };
}
