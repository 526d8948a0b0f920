import { openCorpus } from '@ratchet/corpus';
import { blind, InfraError, runBenchmark, SplitOverlapError } from '@ratchet/runtime';
import { scriptedEnvironment } from '@ratchet/runtime/test';
import { describe, expect, it } from 'vitest';
import { dialController, dialFamily } from '../test/dial-family';
import { GateInterruptedError, gate, IdenticalChampionError } from './gate';
import { HoldoutSpentError, nextHoldout } from './holdout-ledger';

const incumbent = dialController;
const candidate = dialController.withParameters({ dial: 7, note: 'begin' });

async function setup(perSplit = 12) {
  const corpus = await openCorpus('sqlite::memory:');
  const dial = dialFamily({ perSplit });
  const options = {
    corpus,
    family: dial.family,
    benchmark: 'dial',
    plan: (controller: typeof incumbent) => blind({ controller }),
    incumbent,
    candidate,
    holdout: { key: 'dial perSplit=12 rotation=0', tasks: dial.holdout },
    seed: 5,
    now: () => new Date('2026-12-01T12:00:00Z'),
  };
  return { corpus, dial, options };
}

describe('gate', () => {
  it('promotes a clearly better candidate on the holdout and writes the decision into the ledger', async () => {
    const { corpus, options } = await setup();
    const outcome = await gate(options);
    expect(outcome.decision).toMatchObject({ promoted: true, reason: 'promoted', n: 12, test: 'exact' });
    expect(outcome.record).toMatchObject({
      kind: 'gate',
      benchmark: 'dial',
      holdoutKey: 'dial perSplit=12 rotation=0',
      holdoutTasks: 12,
      incumbent: { hash: incumbent.hash },
      candidate: { hash: candidate.hash },
      promoted: true,
    });
    expect(await corpus.gateRecords({ incumbentHash: incumbent.hash })).toEqual([outcome.record]);
  });

  it('refuses a second decision on the same holdout for the same incumbent, naming the first, before any rollout', async () => {
    const { options, dial } = await setup();
    const first = await gate(options);
    const attempts = dial.attempts();
    const other = dialController.withParameters({ dial: 6, note: 'begin' });
    const refusal = gate({ ...options, candidate: other });
    await expect(refusal).rejects.toThrow(HoldoutSpentError);
    await expect(gate({ ...options, candidate: other })).rejects.toThrow(
      new RegExp(`decided on candidate ${candidate.hash} .*ledger entry ${first.record.recordId}.*--rotate`),
    );
    expect(dial.attempts()).toBe(attempts);
  });

  it('rotates to the first holdout not yet spent for this incumbent', async () => {
    const { corpus, options } = await setup();
    await gate(options);
    const draw = async (rotation: number) => {
      const fresh = dialFamily({ perSplit: 12, prefix: `dial-r${rotation}` });
      return {
        key: `dial perSplit=12 rotation=${rotation}`,
        tasks: rotation === 0 ? options.holdout.tasks : fresh.holdout,
      };
    };
    await expect(nextHoldout(corpus, { benchmark: 'dial', incumbentHash: incumbent.hash, draw })).rejects.toThrow(
      HoldoutSpentError,
    );
    const rotated = await nextHoldout(corpus, { benchmark: 'dial', incumbentHash: incumbent.hash, draw, rotate: true });
    expect(rotated.rotation).toBe(1);
    expect(rotated.key).toBe('dial perSplit=12 rotation=1');
    expect(rotated.tasks[0]?.id).toBe('dial-r1-holdout-0');
  });

  it('counts a holdout task the candidate failed to run as a task it lost', async () => {
    const { options, dial } = await setup();
    const worker = dial.family.worker;
    const flaky = {
      ...worker,
      attempt: async (input: Parameters<typeof worker.attempt>[0], signal: AbortSignal) => {
        const broken = ['dial-holdout-0', 'dial-holdout-1'].includes(input.task.id);
        if (broken && (input.steer?.parameters as { dial?: number } | undefined)?.dial === 7) {
          throw new InfraError('the sandbox crashed', { isRetryable: false });
        }
        return worker.attempt(input, signal);
      },
    };
    const outcome = await gate({ ...options, family: { ...dial.family, worker: flaky } });
    expect(outcome.decision.candidateFailures).toEqual(['dial-holdout-0', 'dial-holdout-1']);
    expect(outcome.decision.n).toBe(12);
  });

  it('refuses a candidate identical to the incumbent before any rollout', async () => {
    const { options, dial } = await setup();
    await expect(
      gate({ ...options, candidate: incumbent.withParameters({ ...incumbent.parameters }) }),
    ).rejects.toThrow(IdenticalChampionError);
    expect(dial.attempts()).toBe(0);
  });

  it('refuses holdout tasks that a train or val cell of the benchmark used, in any run', async () => {
    const { corpus, options, dial } = await setup();
    // An earlier run used the holdout's first task id as a train task.
    const leaked = { ...dial.holdout[0], split: 'train' } as (typeof dial.holdout)[number];
    await runBenchmark({
      ...dial.family,
      environment: scriptedEnvironment([leaked]),
      corpus,
      benchmark: 'dial',
      tasks: [leaked],
      arms: [{ id: 'x', ...blind({ controller: incumbent }) }],
      primaryContrast: { name: 'x', baseline: 'x', candidate: 'x' },
      runId: 'leak',
    });
    await expect(gate(options)).rejects.toThrow(SplitOverlapError);
  });

  it('refuses holdout tasks the candidate was searched on', async () => {
    const { options } = await setup();
    await expect(gate({ ...options, searchedOn: [options.holdout.tasks[3]?.id as string] })).rejects.toThrow(
      /searched/,
    );
  });

  it('decides nothing and spends no ledger entry when its run is interrupted', async () => {
    const { corpus, options } = await setup();
    const controller = new AbortController();
    controller.abort();
    await expect(gate({ ...options, signal: controller.signal })).rejects.toThrow(GateInterruptedError);
    expect(await corpus.gateRecords()).toEqual([]);
  });
});
