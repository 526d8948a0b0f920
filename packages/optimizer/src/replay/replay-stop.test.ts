import { openCorpus } from '@ratchet/corpus';
import { dslFamily } from '@ratchet/environments';
import { type Controller, refine, runBenchmark } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { dialController, dialFamily } from '../test/dial-family';
import { replayStop } from './replay-stop';
import { type StopPolicy, stopAfter, stopOnChecksPass, withStopPolicy } from './stop-policy';

/** Stops once the worker's last output claims a pass (an observation, not a verdict). */
const stopOnPassOutput: StopPolicy = {
  id: 'stop-on-pass-output',
  stop: (history) => history.at(-1)?.output === 'pass',
};

type Family = Pick<Parameters<typeof runBenchmark>[0], 'environment' | 'worker' | 'judge' | 'tasks'>;

async function logAndLive(family: Family, logged: Controller, live: Controller) {
  const corpus = await openCorpus('sqlite::memory:');
  const run = (runId: string, controller: Controller) =>
    runBenchmark({
      ...family,
      corpus,
      runId,
      seed: 3,
      arms: [{ id: 'arm', ...refine(4, { controller }) }],
      primaryContrast: { name: 'x', baseline: 'arm', candidate: 'arm' },
    });
  await run('logged', logged);
  await run('live', live);
  const cells = await corpus.cells({ runId: 'live' });
  const liveByTask = new Map(
    cells.map((cell) => [cell.taskId, { attempts: cell.attempts, resolved: cell.verdict?.resolved ?? null }]),
  );
  return { corpus, liveByTask };
}

describe('replaying a stop policy on logged cells', () => {
  it('gives what a live run of the policy gives, cell by cell, on the dial family', async () => {
    const dial = dialFamily({ perSplit: 8 });
    const controller = dialController.withParameters({ dial: 4, note: 'begin' });
    const { corpus, liveByTask } = await logAndLive(
      { ...dial.family, tasks: dial.train },
      controller,
      withStopPolicy(controller, stopOnPassOutput),
    );
    const replay = await replayStop(corpus, { runId: 'logged', armId: 'arm', policy: stopOnPassOutput });
    expect(replay.censored).toBe(0);
    for (const cell of replay.cells)
      expect({ attempts: cell.attempts, resolved: cell.resolved }).toEqual(liveByTask.get(cell.taskId));
    // Some cells stopped early and some used all four: the policy did something.
    expect(new Set(replay.cells.map((cell) => cell.attempts)).size).toBeGreaterThan(1);
  });

  it('gives what a live run gives on dsl, where attempts continue from each other and steers follow the findings', async () => {
    const options = { count: 10, seed: 0, budget: 1500 };
    const dsl = dslFamily.create(options);
    const tasks = await dslFamily.draw(options, 'train');
    const running = dsl.controller('arm', { stopOnVisiblePass: false });
    const stopping = dsl.controller('arm', { stopOnVisiblePass: true });
    const { corpus, liveByTask } = await logAndLive({ ...dsl, tasks }, running, stopping);
    const replay = await replayStop(corpus, { runId: 'logged', armId: 'arm', policy: stopOnChecksPass });
    for (const cell of replay.cells)
      expect({ attempts: cell.attempts, resolved: cell.resolved }).toEqual(liveByTask.get(cell.taskId));
    expect(replay.success).toBe([...liveByTask.values()].filter((cell) => cell.resolved).length / tasks.length);
    // The live controller did stop early on some tasks (visible examples passed), so the comparison has teeth.
    expect([...liveByTask.values()].some((cell) => cell.attempts < 4)).toBe(true);
    await dsl.close();
  });

  it('marks a cell censored when its strategy stopped before the policy would have', async () => {
    const options = { count: 10, seed: 0, budget: 1500 };
    const dsl = dslFamily.create(options);
    const tasks = await dslFamily.draw(options, 'train');
    const corpus = await openCorpus('sqlite::memory:');
    const stopping = dsl.controller('arm', { stopOnVisiblePass: true });
    await runBenchmark({
      ...dsl,
      corpus,
      tasks,
      runId: 'logged',
      seed: 3,
      arms: [{ id: 'arm', ...refine(4, { controller: stopping }) }],
      primaryContrast: { name: 'x', baseline: 'arm', candidate: 'arm' },
    });
    const cells = await corpus.cells({ runId: 'logged' });
    const replay = await replayStop(corpus, { runId: 'logged', armId: 'arm', policy: stopAfter(4) });
    expect(replay.censored).toBe(cells.filter((cell) => cell.attempts < 4).length);
    expect(replay.censored).toBeGreaterThan(0);
    const all = await replayStop(corpus, { runId: 'logged', armId: 'arm', policy: stopAfter(1) });
    expect(all.attempts).toBe(1);
    expect(all.censored).toBe(0);
    await dsl.close();
  });
});
