import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Corpus, defaultCorpusUrl, openCorpus } from '@ratchet/corpus';
import { runBenchmark } from '@ratchet/runtime';
import pc from 'picocolors';
import { buildRun } from '../config/build-run';
import { ConfigError } from '../config/config-error';
import { loadConfig } from '../config/load-config';
import { preflight } from '../config/preflight';
import type { RatchetConfig } from '../config/ratchet-config';
import { progressPrinter } from '../progress-printer';
import { estimateSpend } from '../run/estimate-spend';
import { formatPlan } from '../run/format-plan';
import { planRun, runIdentity } from '../run/run-plan';
import { RunInterruptedError } from '../run-interrupted-error';
import { terminalReport } from '../terminal-report';
import { loadRun, writeHtmlReport } from './load-run';

/** Command-line values that replace the config's. */
export interface RunOverrides {
  runId?: string;
  concurrency?: number;
  replicates?: number;
  maxCost?: number;
  seed?: string;
  split?: RatchetConfig['split'];
  maxTasks?: number;
}

export interface RunCommandOptions {
  config: string | undefined;
  /** The store from --store or $RATCHET_STORE, which wins over the config's; else the config's, else the default. */
  store: { url: string; explicit: boolean };
  overrides: RunOverrides;
  dryRun: boolean;
  html: string | undefined;
  signal: AbortSignal;
  /** How to re-run this command (for the resume hint). */
  commandLine: string;
}

/**
 * `ratchet run`: loads and validates the config, builds the run, checks the worker can be called
 * (preflight), then runs every cell with progress, records it, and prints the report.
 */
export async function runCommand(options: RunCommandOptions): Promise<string> {
  const loaded = await loadConfig(options.config);
  const config = withOverrides(loaded.config, options.overrides);
  const store = options.store.explicit ? options.store.url : (config.store ?? options.store.url);
  const built = buildRun(config);
  try {
    const all = await built.environment.tasks(config.split);
    const tasks = config.maxTasks === undefined ? all : all.slice(0, config.maxTasks);
    if (tasks.length === 0) {
      throw new ConfigError(loaded.file, [
        { field: 'split', message: `the ${config.split} split of ${built.environment.id} has no tasks` },
      ]);
    }
    const benchmark = config.benchmark ?? built.environment.id;
    const plan = planRun(config, { benchmark, tasks, arms: built.arms });
    if (options.dryRun) return await dryRun(config, plan, store, built);

    for (const line of await preflight(config)) process.stderr.write(`preflight ok · ${line}\n`);
    const worker = built.createWorker();
    const corpus = await openCorpus(store);
    try {
      process.stderr.write(
        `Run ${plan.runId}: ${plan.arms.length} arms × ${tasks.length} ${config.split} tasks × ${config.replicates} replicate(s) = ${plan.cells} cells → ${store}\n`,
      );
      const summary = await runBenchmark({
        environment: built.environment,
        worker,
        judge: built.judge,
        analyst: built.createAnalyst(),
        arms: built.arms,
        tasks,
        corpus,
        runId: plan.runId,
        benchmark,
        replicates: config.replicates,
        concurrency: config.concurrency,
        seed: config.seed,
        retries: config.retries,
        oracle: config.oracle,
        primaryContrast: plan.primaryContrast,
        config: runIdentity(config),
        ...(config.maxCost === undefined ? {} : { maxUsd: config.maxCost }),
        ...(config.rateLimit
          ? { rateLimit: { attempts: config.rateLimit.attempts, perMs: config.rateLimit.perSeconds * 1000 } }
          : {}),
        signal: options.signal,
        onProgress: progressPrinter(),
      });
      const { manifest } = await loadRun(corpus, summary.runId);
      const report = terminalReport(manifest, summary);
      if (summary.stopReason === 'signal') {
        const resume = options.commandLine.includes('--run-id')
          ? options.commandLine
          : `${options.commandLine} --run-id ${plan.runId}`;
        throw new RunInterruptedError(
          `${report}\n\nInterrupted: every finished cell is recorded in ${store}. Resume with:\n  ${resume}`,
        );
      }
      const written = options.html ? [await writeHtmlReport(corpus, { manifest, summary }, options.html)] : [];
      const infra = await infraWarning(corpus, plan.runId);
      const capped =
        summary.stopReason === 'spend-cap'
          ? [`Stopped at the spend cap ($${config.maxCost}); raise --max-cost and run the same command to go on.`]
          : [];
      return [
        report,
        ...infra,
        ...capped,
        ...written,
        '',
        pc.bold('Next:'),
        `  ratchet ${store === defaultCorpusUrl ? '' : `--store ${store} `}report ${plan.runId} --html report.html`,
        `  ratchet ${store === defaultCorpusUrl ? '' : `--store ${store} `}report --compare ${plan.runId} <another run>`,
      ].join('\n');
    } finally {
      await corpus.close();
    }
  } finally {
    await built.close();
  }
}

/** Cells the harness failed on are excluded from the results; say so, with the first error, so it gets fixed. */
async function infraWarning(corpus: Corpus, runId: string): Promise<string[]> {
  const failed = (await corpus.cells({ runId })).filter((cell) => cell.status === 'infra');
  if (failed.length === 0) return [];
  const first = failed[0]?.infra?.error ?? 'no error recorded';
  return [
    pc.yellow(
      `${failed.length} cell(s) failed on infrastructure and are excluded (not scored as failures). First error: ${first}`,
    ),
  ];
}

function withOverrides(config: RatchetConfig, overrides: RunOverrides): RatchetConfig {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return { ...config, ...defined };
}

async function dryRun(
  config: RatchetConfig,
  plan: ReturnType<typeof planRun>,
  store: string,
  built: ReturnType<typeof buildRun>,
): Promise<string> {
  let preflightResult: string;
  let failure: unknown = null;
  let workerId: { id: string; model?: string } | null = null;
  try {
    const done = await preflight(config);
    const worker = built.createWorker();
    workerId = { id: worker.id, ...(worker.model ? { model: worker.model } : {}) };
    preflightResult = done.length > 0 ? `ok (${done.join('; ')})` : 'ok (nothing to check: built-in solver)';
  } catch (error) {
    failure = error;
    preflightResult = 'FAILED (see below)';
  }
  const storePath = store.startsWith('sqlite:') ? store.slice('sqlite:'.length) : null;
  const storeExists = storePath === ':memory:' || storePath === null || existsSync(resolve(storePath));
  let estimate = null;
  if (workerId && storeExists && storePath !== ':memory:') {
    const corpus = await openCorpus(store);
    try {
      estimate = await estimateSpend(corpus, workerId);
    } finally {
      await corpus.close();
    }
  }
  const text = formatPlan(plan, {
    store,
    preflight: preflightResult,
    builtInWorker: (config.worker ?? { kind: 'builtin' }).kind === 'builtin',
    estimate,
    maxCost: config.maxCost ?? null,
  });
  if (failure === null) return text;
  // The plan is still worth seeing; the failed preflight is the error (exit 1).
  process.stdout.write(`${text}\n`);
  throw failure;
}
