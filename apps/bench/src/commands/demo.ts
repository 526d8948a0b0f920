import { type RatchetConfig, ratchetConfigSchema } from '@ratchet/config';
import { openCorpus } from '@ratchet/corpus';
import { dslFamily } from '@ratchet/environments';
import { flywheel } from '@ratchet/optimizer';
import { type Family, refine } from '@ratchet/runtime';
import pc from 'picocolors';
import { cliInvocation } from '../cli-invocation';
import { examplePath } from '../example-path';
import { flywheelText } from '../report/flywheel-text';
import { executeRun } from '../run/execute-run';
import { runIdOf } from '../run/run-plan';
import { runPageUrl } from './view-command';

export interface DemoOptions {
  store: string;
  tasks: number;
  seed: string;
  concurrency: number;
  /** Where to write the HTML report; null for none. */
  html: string | null;
  /** The short flywheel the demo ends with: its last generation and evaluation tasks; null for none. */
  flywheel: { generations: number; tasks: number } | null;
  /** Record a new run (and flywheel) beside the recorded one instead of showing it again. */
  fresh?: boolean;
  signal: AbortSignal;
}

/**
 * A short flywheel on dsl domain 1 (refine@4 for both arms): a few generations of a controller learned
 * from the earlier ones against the frozen default, recorded in the demo's store, printed as two curves.
 */
async function demoFlywheel(
  options: DemoOptions,
  settings: { generations: number; tasks: number },
  label: string | undefined,
): Promise<string> {
  const corpus = await openCorpus(options.store);
  try {
    process.stderr.write(
      `\nThe flywheel: ${settings.generations + 1} generations of ${settings.tasks} fresh dsl domain tasks, a controller learned from the generations before each against the frozen default…\n`,
    );
    const result = await flywheel({
      corpus,
      family: dslFamily as unknown as Family,
      options: { domain: 1 },
      generations: settings.generations,
      evaluationTasks: settings.tasks,
      plan: (controller) => refine(4, { controller }),
      seed: options.seed,
      ...(label === undefined ? {} : { label }),
      concurrency: options.concurrency,
      threads: 2,
      signal: options.signal,
      onProgress: ({ generation, phase }) => {
        if (phase === 'learn') process.stderr.write(`  generation ${generation}/${settings.generations}\n`);
      },
    });
    return flywheelText(result);
  } finally {
    await corpus.close();
  }
}

/**
 * The demo as a run configuration: the dsl family's train tasks, and the arms that decompose a steering
 * result — blind, random@4 (compute), continue@4 (continuation), refine@4 (steering) — plus continueBest@4.
 */
export function demoConfig(options: Pick<DemoOptions, 'tasks' | 'seed' | 'concurrency'>): RatchetConfig {
  const config = ratchetConfigSchema.parse({
    // Train tasks are 3 in every 5 of the family: generate enough to have `tasks` of them.
    environment: { kind: 'dsl', count: Math.ceil((options.tasks * 5) / 3), seed: 0 },
    arms: [
      { strategy: 'blind' },
      { strategy: 'random', k: 4 },
      { strategy: 'continue', k: 4 },
      { strategy: 'refine', k: 4 },
      { strategy: 'continueBest', k: 4 },
    ],
    maxTasks: options.tasks,
    seed: options.seed,
    concurrency: options.concurrency,
  });
  // `demo-<hash>`: the same demo resumes, and a demo changed by an upgrade starts a new run.
  return { ...config, runId: runIdOf(config, 'demo') };
}

/** The first `<runId>-N` (N ≥ 2) the store does not hold, for `--fresh`, and the label that makes its flywheel new too. */
async function freshRunId(store: string, runId: string): Promise<{ runId: string; label: string }> {
  const corpus = await openCorpus(store);
  try {
    for (let n = 2; ; n++) {
      if ((await corpus.manifest(`${runId}-${n}`)) === null) return { runId: `${runId}-${n}`, label: `fresh-${n}` };
    }
  } finally {
    await corpus.close();
  }
}

/**
 * The offline demo: blind, random@4, continue@4, refine@4 and continueBest@4 on the dsl family's train
 * tasks, recorded in the store, then the report with the pre-registered primary contrast (steering =
 * refine − continue), the decomposition, and what to try next. No model needed. It is `ratchet run` on `demoConfig`, so later steps (optimize, gate) extend it
 * by adding to what follows the run.
 */
export async function demo(options: DemoOptions): Promise<string> {
  const ratchet = cliInvocation();
  const config = demoConfig(options);
  const fresh = options.fresh ? await freshRunId(options.store, config.runId ?? 'demo') : null;
  const run = await executeRun({
    config: fresh === null ? config : { ...config, runId: fresh.runId },
    freshHint: 'add --fresh to record a new run (the same seed gives the same numbers; --seed N draws others)',
    source: 'the built-in demo',
    store: options.store,
    dryRun: false,
    html: options.html,
    signal: options.signal,
    resumeCommand: () => `${ratchet} --store ${options.store} demo --tasks ${options.tasks} --seed ${options.seed}`,
    announce: () => `Running 5 arms on ${options.tasks} dsl tasks (program synthesis, no model needed)…`,
  });
  const hint = (command: string, what: string) =>
    `  ${command.replace(/^ratchet\b/, ratchet).padEnd(ratchet.length + 50)} ${what}`;
  const next = [
    pc.bold('What to try next:'),
    hint(`ratchet report ${run.runId}`, 'the same report again (add --json for machines)'),
    hint(`ratchet view ${run.runId}`, `every attempt of every cell, in a browser: ${runPageUrl(run.runId)}`),
    ...(options.html === null
      ? []
      : [hint(options.html, 'the report with charts: open it in a browser (works offline)')]),
    hint(
      `ratchet run ${examplePath('@ratchet/bench', 'sat.config.json')}`,
      'another family, from a config file (--dry-run: the plan)',
    ),
    hint('ratchet init', 'a starter config and dataset for your own tasks and agent'),
    hint('ratchet corpus stats', 'what the corpus holds'),
    hint(`ratchet corpus export --run ${run.runId} run.jsonl`, 'share the run as JSON Lines'),
    hint(
      `ratchet autoloop --target ${examplePath('@ratchet/autoloop', 'dsl-controller')} --state-root .autoloop/dsl --dry-run`,
      '\n    the unattended loop (improve, gate, keep or reject until a stop rule fires), simulated; drop --dry-run to run it',
    ),
  ];
  if (options.flywheel === null) return [run.text, '', ...next].join('\n');
  const wheel = await demoFlywheel(options, options.flywheel, fresh?.label);
  const full = hint(
    `ratchet flywheel ${examplePath('@ratchet/bench', 'dsl-domain.config.json')}`,
    'the full-size flywheel: 6 generations of 100 tasks (add --html flywheel.html)',
  );
  return [run.text, '', wheel, '', ...next, full].join('\n');
}
