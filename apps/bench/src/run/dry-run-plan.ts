import { existsSync } from 'node:fs';
import { type BuiltRun, preflight, type RatchetConfig } from '@ratchet/config';
import { openCorpus, storeFilePath } from '@ratchet/corpus';
import { estimateSpend } from './estimate-spend';
import { formatPlan } from './format-plan';
import type { RunPlan } from './run-plan';

/**
 * The --dry-run output: the plan, the cost estimated from earlier attempts of the same worker in the
 * corpus (read only when the store already exists: a dry run creates nothing), and the preflight result.
 * A failed preflight is still an error (exit 1), after the plan is printed.
 */
export async function dryRunPlan(
  config: RatchetConfig,
  plan: RunPlan,
  store: string,
  built: BuiltRun,
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
  // A dry run creates nothing: the corpus is read only when its file already exists.
  const file = storeFilePath(store);
  let estimate = null;
  if (workerId && file !== null && existsSync(file)) {
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
