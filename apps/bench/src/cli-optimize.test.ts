import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Corpus, openCorpus } from '@ratchet/corpus';
import { describe, expect, it } from 'vitest';
import { ratchet } from './test/ratchet-cli';

/**
 * A small dsl search: the first 24 train and 8 val tasks of 150 (the tasks of a count of 40: task i is
 * the same whatever the count), 6 holdout tasks, a 2000-step synthesizer, refine@2, a budget of 50 cells
 * — about 10 s. With search seed 1 it finds a candidate that beats the baseline on val (0.625 vs 0.375,
 * by re-weighting three feature boosts); if the dsl family changes and it no longer does, pick a seed
 * that does.
 *
 * Beside it, the same search with a sequential gate on the whole holdout of 30 (`sequential.config.json`).
 * Its minimal effect is demanding (50 points), so a candidate about as good as the baseline is dropped
 * for futility after a few batches of 5 instead of at the cap. The candidate found is such a one: on the
 * third holdout the gate stops for futility after 14 of 30 items.
 */
function writeConfig(dir: string): { config: string; sequentialConfig: string; store: string } {
  const environment = { kind: 'dsl', count: 150, seed: 0, budget: 2000 };
  const optimize = { k: 2, budget: { cells: 50 }, minibatch: 2, maxTrain: 24, maxVal: 8, seed: 1 };
  const config = join(dir, 'optimize.config.json');
  writeFileSync(config, JSON.stringify({ environment, concurrency: 2, optimize: { ...optimize, maxHoldout: 6 } }));
  const sequentialConfig = join(dir, 'sequential.config.json');
  writeFileSync(
    sequentialConfig,
    JSON.stringify({
      environment,
      concurrency: 2,
      optimize: { ...optimize, gate: { sequential: { maxItems: 30, minEffect: 0.5, batchSize: 5 } } },
    }),
  );
  return { config, sequentialConfig, store: `sqlite:${join(dir, 'corpus.db')}` };
}

/** Resolves with the id of the first run of the corpus whose id ends with `suffix`, polling every 100 ms. */
async function runAppears(store: string, suffix: string, withinMs = 120_000): Promise<string> {
  const corpus = await openCorpus(store);
  try {
    for (const deadline = Date.now() + withinMs; Date.now() < deadline; await sleep(100)) {
      const run = (await corpus.runs()).find((manifest) => manifest.runId.endsWith(suffix));
      if (run) return run.runId;
    }
    throw new Error(`no run ending in "${suffix}" appeared in ${store} within ${withinMs} ms`);
  } finally {
    await corpus.close();
  }
}

async function readCorpus<T>(store: string, read: (corpus: Corpus) => Promise<T>) {
  const corpus = await openCorpus(store);
  try {
    return await read(corpus);
  } finally {
    await corpus.close();
  }
}

const cellCount = (store: string) => readCorpus(store, async (corpus) => (await corpus.stats()).cells);

const scratch = () => mkdtempSync(join(tmpdir(), 'ratchet-optimize-'));

describe('ratchet optimize, gate and report', () => {
  it('searches within its cell budget, resumes with no new cell, gates once per holdout, rotates, gates sequentially (resuming after Ctrl+C), and reports it all', async () => {
    const dir = scratch();
    const { config, sequentialConfig, store } = writeConfig(dir);

    // 1. The search, as JSON; progress on stderr.
    const first = await ratchet(['--store', store, 'optimize', config, '--json']);
    expect(first.exitCode, first.stderr).toBe(0);
    expect(first.stderr).toMatch(
      /^iteration 1 · \w+ · best val \d\.\d{3} \([0-9a-f]{8}\) · front \d+ · cells \d+\/50 · dollars not metered · ETA /m,
    );
    const result = JSON.parse(first.stdout);
    expect(result.optimizationId).toMatch(/^opt-[0-9a-f]{16}$/);
    expect(result.stop.reason).toBe('budget-cells');
    expect(result.spend).toEqual({ cells: expect.any(Number), usd: null });
    expect(result.spend.cells).toBeLessThanOrEqual(50);
    expect(result.iterations).toBeGreaterThan(0);
    expect(result.best.hash).not.toBe(result.baseline.hash);
    expect(result.bestVal).toBeGreaterThan(result.baseline.val);
    expect(result.best.changedFromBaseline.map((change: { name: string }) => change.name)).toEqual(['featureBoosts']);
    const [boosts] = result.best.changedFromBaseline;
    expect(boosts.to.duplicates).toEqual({ sort: 2.29011, zipwith: 1.5 });
    expect(boosts.to.long).toEqual({ drop: 2, reverse: 1.13128, take: 2 });
    expect(result.front).toContain(result.best.hash);
    expect(result.hypervolume).toBeNull();
    const cells = await cellCount(store);
    expect(cells).toBe(result.spend.cells);

    // 2. The same command again resumes the same search: no new cell; the summary ends with the gate command.
    const again = await ratchet(['--store', store, 'optimize', config]);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain(`Optimization ${result.optimizationId} · dsl · completed`);
    expect(again.stdout.trimEnd().split('\n').at(-1)).toBe(
      `  ratchet --store ${store} gate ${config} --candidate ${result.best.hash}`,
    );
    expect(await cellCount(store)).toBe(cells);

    // 3. The gate decides once and writes the ledger.
    const gate = await ratchet(['--store', store, 'gate', config, '--candidate', result.best.hash]);
    expect(gate.exitCode, gate.stderr).toBe(0);
    expect(gate.stdout).toContain(
      `Gate on dsl · holdout "dsl {"budget":2000,"count":150,"seed":0} holdout rotation 0" (6 tasks) · incumbent ${result.baseline.hash} (the defaults) vs candidate ${result.best.hash}`,
    );
    expect(gate.stdout).toMatch(/^ {2}(PROMOTED|NOT PROMOTED \([\w-]+\)): /m);
    expect(gate.stdout).toMatch(/^ {2}lift [+-]\d+\.\d points, 95% CI /m);
    expect(gate.stdout).toMatch(/^ {2}n 6 paired tasks \(floor 6\)/m);
    const ledgerEntry = /^Ledger entry (gate-[0-9a-f]{16}) /m.exec(gate.stdout)?.[1];
    expect(ledgerEntry).toBeDefined();

    // 4. A second gate on the same holdout for the same incumbent is refused, naming the first decision; so is the baseline itself.
    const twice = await ratchet(['--store', store, 'gate', config, '--candidate', result.best.hash.slice(0, 8)]);
    expect(twice.exitCode).toBe(1);
    expect(twice.stderr).toContain(`was already spent for incumbent ${result.baseline.hash}`);
    expect(twice.stderr).toContain(`ledger entry ${ledgerEntry}`);
    expect(twice.stderr).toContain('(--rotate)');

    const identical = await ratchet(['--store', store, 'gate', config, '--candidate', result.baseline.hash]);
    expect(identical.exitCode).toBe(1);
    expect(identical.stderr).toContain(`the candidate has the incumbent's hash (${result.baseline.hash})`);

    // 5. --rotate draws the next holdout, and decides on it.
    const rotated = await ratchet([
      '--store',
      store,
      'gate',
      config,
      '--candidate',
      result.best.hash,
      '--rotate',
      '--json',
    ]);
    expect(rotated.exitCode, rotated.stderr).toBe(0);
    const decision = JSON.parse(rotated.stdout);
    expect(decision.holdout).toEqual({
      key: 'dsl {"budget":2000,"count":150,"seed":0} holdout rotation 1',
      rotation: 1,
      tasks: 6,
    });
    expect(decision.ledgerEntry).not.toBe(ledgerEntry);
    expect(decision.optimizationId).toBe(result.optimizationId);
    expect(typeof decision.decision.explanation).toBe('string');

    // 6. A sequential gate on the next holdout, interrupted (Ctrl+C) once its second batch has started.
    const sequentialGate = ['--store', store, 'gate', sequentialConfig, '--candidate', result.best.hash, '--rotate'];
    const child = ratchet(sequentialGate);
    const ledgerId = (await runAppears(store, '-batch-2')).replace(/-batch-2$/, '');
    child.kill('SIGINT');
    const stopped = await child;
    expect(stopped.exitCode, stopped.stderr).toBe(130);
    expect(stopped.stdout).toContain('Interrupted: nothing was decided and the holdout is not spent');
    const firstBatch = await readCorpus(store, async (corpus) => {
      expect(await corpus.gateRecords()).toHaveLength(2);
      return corpus.cells({ runId: ledgerId });
    });
    // Five items, both controllers, one replicate.
    expect(firstBatch).toHaveLength(10);

    // The same command resumes it: the finished batch is not run again, and it stops for futility.
    const resumed = await ratchet(sequentialGate);
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain(
      `Gate on dsl · holdout "dsl {"budget":2000,"count":150,"seed":0} holdout rotation 2" (30 tasks)`,
    );
    expect(resumed.stdout).toMatch(/^ {2}NOT PROMOTED \(futile\): /m);
    expect(resumed.stdout).toContain(
      '\n  sequential: stopped for futility after 14 of 30 items · e-value 1.50 → 1.50 → 2.33 → 2.33 → 2.33 → 0.917 (1/α = 40)\n',
    );
    expect(resumed.stdout).toContain(`Ledger entry ${ledgerId} (run ${ledgerId})`);
    await readCorpus(store, async (corpus) => {
      const gate = (await corpus.gateRecords()).find((record) => record.recordId === ledgerId);
      expect(gate).toMatchObject({
        holdoutTasks: 30,
        promoted: false,
        reason: 'futile',
        itemsSpent: 14,
        itemsEvaluated: 15,
        stoppedBy: 'futility',
        runIds: [ledgerId, `${ledgerId}-batch-2`, `${ledgerId}-batch-3`],
      });
      const batches = await Promise.all((gate?.runIds ?? []).map((runId) => corpus.cells({ runId })));
      for (const [index, runId] of (gate?.runIds ?? []).entries()) {
        expect((await corpus.manifest(runId))?.status, runId).toBe('completed');
        expect(batches[index], runId).toHaveLength(10);
      }
      // Each of the 15 items evaluated once, and the first batch's cells are the ones recorded before Ctrl+C.
      expect(new Set(batches.flat().map((cell) => cell.taskId)).size).toBe(15);
      expect(batches[0]).toEqual(firstBatch);
    });

    // 7. The report: lineage, val curve, front, gates — terminal, JSON and HTML.
    const report = await ratchet(['--store', store, 'report', result.optimizationId, '--json']);
    expect(report.exitCode, report.stderr).toBe(0);
    const data = JSON.parse(report.stdout);
    expect(data.lineage[0]).toMatchObject({
      hash: result.baseline.hash,
      status: 'baseline',
      iteration: 0,
      parents: [],
    });
    expect(data.lineage.find((entry: { best: boolean }) => entry.best)).toMatchObject({
      hash: result.best.hash,
      status: 'kept',
      valScore: result.bestVal,
      changed: ['featureBoosts'],
    });
    expect(data.curve[0]).toMatchObject({ iteration: 0, bestHash: result.baseline.hash, bestVal: result.baseline.val });
    expect(data.curve.at(-1)).toMatchObject({ iteration: result.iterations, bestVal: result.bestVal });
    expect(data.curve.at(-1).cells).toBeLessThanOrEqual(result.spend.cells);
    expect(data.front).toEqual(result.front);
    expect(data.gates.map((gate: { holdoutKey: string }) => gate.holdoutKey.at(-1))).toEqual(['0', '1', '2']);
    const html = join(dir, 'optimization.html');
    const text = await ratchet(['--store', store, 'report', '--optimization', '--html', html]);
    expect(text.exitCode, text.stderr).toBe(0);
    for (const heading of ['Lineage', 'Best val score against cells spent', 'Front (success)', 'Gate decisions']) {
      expect(text.stdout).toContain(`\n${heading}\n`);
    }
    expect(text.stdout).toMatch(/^ {2}iteration 0 · \d+ cells · \d\.\d{3} \([0-9a-f]{8}\)$/m);
    expect(text.stdout).toContain('\n    sequential: stopped for futility after 14 of 30 items · e-value 1.50 → ');
    const page = readFileSync(html, 'utf8');
    for (const canvas of ['ratchet-val-curve', 'ratchet-lineage', 'ratchet-e-value-0']) {
      expect(page).toContain(`<canvas id="${canvas}"`);
    }
    expect(page).not.toContain('<canvas id="ratchet-front"');
    expect(page).toContain('<p class="reading">stopped for futility after 14 of 30 items: not promoted (futile).</p>');
    expect(page).toContain(
      `15 items evaluated (whole batches), in 3 batch runs: <code>${ledgerId}</code>, <code>${ledgerId}-batch-2</code>, <code>${ledgerId}-batch-3</code>`,
    );

    // 8. An export carries the optimizer's records.
    const exported = await ratchet(['--store', store, 'corpus', 'export', join(dir, 'all.jsonl')]);
    expect(exported.stdout).toMatch(
      /; 1 optimizations, \d+ candidates, \d+ iterations, 3 gate decisions, 0 libraries, 0 flywheel records$/m,
    );
  }, 240_000);

  it('refuses a budget too small for one proposal (exit 2), and stops on Ctrl+C with the command that resumes it', async () => {
    const { config, store } = writeConfig(scratch());
    const small = await ratchet(['--store', store, 'optimize', config, '--budget-cells', '5']);
    expect(small.exitCode).toBe(2);
    expect(small.stderr).toMatch(
      /^ratchet: the budget of 5 cells cannot pay for one proposal: it needs \d+ new cells/m,
    );
    expect(await cellCount(store)).toBe(0);

    const child = ratchet(['--store', store, 'optimize', config, '--budget-cells', '40']);
    let seen = '';
    let sent = false;
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (!sent && /^iteration 1 /m.test(seen)) sent = child.kill('SIGINT');
    });
    const stopped = await child;
    expect(stopped.exitCode, stopped.stderr).toBe(130);
    expect(stopped.stdout).toContain('Interrupted: every finished cell and iteration is recorded');
    expect(stopped.stdout).toContain(` · dsl · interrupted\n  stopped: signal `);
    expect(stopped.stdout).not.toContain('Next:');
    expect(
      stopped.stdout.endsWith(`Resume with:\n  ratchet --store ${store} optimize ${config} --budget-cells 40`),
    ).toBe(true);

    const resumed = await ratchet(['--store', store, 'optimize', config, '--budget-cells', '40']);
    expect(resumed.exitCode, resumed.stderr).toBe(0);
    expect(resumed.stderr).not.toMatch(/^iteration 1 /m);
    expect(resumed.stdout).toMatch(/ · dsl · completed\n {2}stopped: budget-cells /);
  }, 120_000);
});
