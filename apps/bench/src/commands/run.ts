import { dirname } from 'node:path';
import { loadConfig, type RatchetConfig, shellQuote, UsageError } from '@ratchet/config';
import { defaultCorpusUrl } from '@ratchet/corpus';
import pc from 'picocolors';
import { cliInvocation } from '../cli-invocation';
import { type ExecutedRun, executeRun } from '../run/execute-run';
import type { RetryMode } from '../run/retry-selection';
import { selectArms } from '../run/select-arms';
import { runPageUrl } from './view-command';

/** Command-line values that replace the config's. */
export interface RunOverrides {
  runId?: string;
  concurrency?: number;
  replicates?: number;
  maxCost?: number;
  seed?: string;
  split?: RatchetConfig['split'];
  maxTasks?: number;
  /** `--tasks`: only these task ids of the split. */
  tasks?: string[];
  /** `--arms`: only these arms of the config (the primary contrast's two must stay). */
  arms?: string[];
}

export interface RunCommandOptions {
  config: string | undefined;
  /** The store from --store or $RATCHET_STORE, which wins over the config's; else the config's, else the default. */
  store: { url: string; explicit: boolean };
  overrides: RunOverrides;
  dryRun: boolean;
  /** Run the agent once on one task before the run (`--probe`). */
  probe?: boolean;
  html: string | undefined;
  /** `--retry-infra` or `--retry-failed`. */
  retry?: RetryMode;
  signal: AbortSignal;
  /** How to re-run this command (for the resume hint). */
  commandLine: string;
  /** `--queue`: enqueue the cells for `ratchet worker` processes instead of running them here. */
  queue?: { url: string; heartbeatSeconds: number };
}

/** `ratchet run`: the config file's arms, with the command-line overrides, then the report and next steps. */
export async function runCommand(options: RunCommandOptions): Promise<string> {
  const loaded = await loadConfig(options.config);
  const config = withOverrides(loaded.config, options.overrides);
  const queue = options.queue;
  // Workers record into the store: by default the queue's own database, which every worker reaches.
  const store = options.store.explicit ? options.store.url : (config.store ?? queue?.url ?? options.store.url);
  if (queue !== undefined && !options.dryRun) {
    if (options.probe) throw new UsageError('--probe runs the agent here; with --queue, run it without --queue first');
    // pg-boss and the PostgreSQL client load only for a queued run.
    const { executeQueuedRun } = await import('../queue/queue-run');
    const run = await executeQueuedRun({
      config,
      source: loaded.file,
      configDir: dirname(loaded.file),
      store,
      ...(options.retry === undefined ? {} : { retry: options.retry }),
      html: options.html ?? null,
      signal: options.signal,
      resumeCommand: (runId) => resumeCommandOf(options.commandLine, runId),
      queueUrl: queue.url,
      heartbeatSeconds: queue.heartbeatSeconds,
    });
    return withNextSteps(run, store);
  }
  const run = await executeRun({
    config,
    source: loaded.file,
    configDir: dirname(loaded.file),
    probe: options.probe ?? false,
    store,
    dryRun: options.dryRun,
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    html: options.html ?? null,
    signal: options.signal,
    resumeCommand: (runId) => resumeCommandOf(options.commandLine, runId),
  });
  if (options.dryRun) return run.text;
  return withNextSteps(run, store);
}

function resumeCommandOf(commandLine: string, runId: string): string {
  return commandLine.includes('--run-id') ? commandLine : `${commandLine} --run-id ${runId}`;
}

/** The report, then what to do next with the run (as the user called the CLI). */
function withNextSteps(run: ExecutedRun, store: string): string {
  if (run.summary === undefined) return run.text;
  // As the user called it (`npm run ratchet --` from a clone), so the lines run as printed.
  const ratchet = `${cliInvocation()} ${store === defaultCorpusUrl ? '' : `--store ${shellQuote(store)} `}`;
  return [
    run.text,
    '',
    pc.bold('Next:'),
    `  ${ratchet}report ${run.runId} --html report.html`,
    `  ${ratchet}view ${run.runId}    every attempt of every cell, in a browser: ${runPageUrl(run.runId)}`,
    ...(run.summary.retryOf === null ? [`  ${ratchet}report --compare ${run.runId} <another run>`] : []),
  ].join('\n');
}

function withOverrides(config: RatchetConfig, overrides: RunOverrides): RatchetConfig {
  const { arms, tasks, ...rest } = overrides;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
  const overridden: RatchetConfig = { ...config, ...defined };
  // Sorted and unique, so `--tasks b,a` and `--tasks a,b` are the same run.
  const filtered = tasks === undefined ? overridden : { ...overridden, tasks: [...new Set(tasks)].sort() };
  return arms === undefined ? filtered : selectArms(filtered, [...new Set(arms)]);
}
