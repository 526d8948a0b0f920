import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCorpus } from '@ratchet/corpus';
import { dslFamily } from '@ratchet/environments';
import { parametricProposer } from '@ratchet/optimizer';
import { refine, type Worker } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import type { LoopSettings } from '../autoloop-types';
import { runLoop } from '../loop/run-loop';
import { improveOrchestrator } from '../orchestrators/improve-orchestrator';
import { fileStateStore } from '../state/file-state-store';
import { readLog } from '../state/read-log';
import { acquireLock } from '../state/state-lock';
import { controllerTarget } from '../target/controller-target';

const settings: LoopSettings = {
  maxIterations: 3,
  maxCostUsd: null,
  plateauWindow: 5,
  cooldownMinutes: 0,
  mode: 'single-run',
  maxConsecutiveErrors: 3,
  minImprovement: 0,
  dryRun: false,
};

/**
 * The loop end to end, in process, on the dsl family with the parametric proposer: real iterations of
 * `improve` (a small search and a gate on 6 holdout tasks a rotation), a kill in the middle of the second,
 * a resume with the same state root that finishes it, and the max-iterations stop with state, log,
 * handoffs and target consistent.
 */
describe('the autoloop on dsl', () => {
  it('runs real iterations, is killed mid-iteration, resumes, and stops at max_iterations with consistent state', async () => {
    const corpus = await openCorpus('sqlite::memory:');
    const targetDir = mkdtempSync(join(tmpdir(), 'autoloop-target-'));
    const stateRoot = mkdtempSync(join(tmpdir(), 'autoloop-state-'));
    const instance = dslFamily.create({ count: 100, seed: 0, budget: 1500 });
    let attempts = 0;
    let killAt = Number.POSITIVE_INFINITY;
    let killer = new AbortController();
    const worker: Worker = {
      ...instance.worker,
      attempt: (input, signal) => {
        attempts++;
        if (attempts >= killAt) killer.abort(new Error('killed'));
        return instance.worker.attempt(input as never, signal);
      },
    };
    const family = { ...instance, worker };
    const [train, val, holdout] = await Promise.all(
      (['train', 'val', 'holdout'] as const).map((split) => instance.environment.tasks(split)),
    );
    const target = controllerTarget({ dir: targetDir, stateRoot, base: instance.controller('baseline') });
    const base = await target.current();
    const orchestrator = improveOrchestrator({
      corpus,
      family,
      benchmark: 'dsl',
      plan: (controller) => refine(2, { controller }),
      current: () => target.current(),
      train: train.slice(0, 12),
      val: val.slice(0, 8),
      holdout: async (rotation) => ({
        key: `dsl holdout part ${rotation}`,
        tasks: holdout.slice(6 * rotation, 6 * rotation + 6),
      }),
      search: {
        proposer: parametricProposer(),
        budget: { iterations: 2 },
        minibatch: 2,
        acceptance: { rule: 'strict' },
      },
      seed: 'loop',
      keep: (candidate, iteration) => target.keep(candidate, iteration),
      initialHash: base.hash,
    });
    const store = fileStateStore(stateRoot);
    const loop = async () => {
      const lock = await acquireLock(stateRoot);
      try {
        return await runLoop({ orchestrator, settings, store, target: targetDir, signal: killer.signal });
      } finally {
        await lock.release();
      }
    };

    // Killed in the middle of iteration 2: after iteration 1 and a few attempts more.
    let afterFirst = 0;
    const first = await runLoop({
      orchestrator: {
        ...orchestrator,
        iterate: async (context) => {
          if (context.iteration === 2) {
            afterFirst = attempts;
            killAt = afterFirst + 5;
          }
          return orchestrator.iterate(context);
        },
      },
      settings,
      store,
      target: targetDir,
      signal: killer.signal,
    });
    expect(afterFirst).toBeGreaterThan(0);
    expect(first.exitCode).toBe(130);
    expect(first.state.status).toBe('interrupted');
    expect(first.state.iterations_completed).toBe(1);

    // The same command again: it resumes iteration 2 (its search reads the cells already recorded) and goes on.
    killer = new AbortController();
    killAt = Number.POSITIVE_INFINITY;
    const resumed = await loop();
    expect(resumed.exitCode).toBe(0);
    expect(resumed.stopRule).toBe('max_iterations');
    const state = await store.read();
    expect(state?.status).toBe('stopped_max_iterations');
    expect(state?.iterations_completed).toBe(3);
    expect(state?.score_history.map((entry) => entry.iteration)).toEqual([1, 2, 3]);
    const { entries, torn } = await readLog(stateRoot);
    expect(torn).toBeNull();
    // Every iteration is logged, the interrupted try of iteration 2 included.
    expect(entries.map((entry) => entry.iteration)).toEqual([1, 2, 2, 3]);
    expect(readdirSync(join(stateRoot, 'handoffs')).sort()).toEqual([
      'iteration-1.md',
      'iteration-2.md',
      'iteration-3.md',
    ]);
    // The target holds the last kept candidate (or the base when none was kept).
    const kept = state?.score_history.filter((entry) => entry.decision === 'keep') ?? [];
    expect((await target.current()).hash).toBe(kept.at(-1)?.candidate_id ?? base.hash);
    expect(existsSync(join(targetDir, 'controller.json'))).toBe(kept.length > 0);
    await instance.close();
  }, 180_000);
});
