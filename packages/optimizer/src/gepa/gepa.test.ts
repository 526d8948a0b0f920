import { openCorpus } from '@ratchet/corpus';
import { blind } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { BudgetTooSmallError } from '../budget';
import { noProposerUsage, type ProposalRequest, type ProposalResult, type Proposer } from '../proposers/proposer';
import { dialController, dialFamily } from '../test/dial-family';
import { gepa } from './gepa';
import type { GepaOptions } from './gepa-options';

/** A proposer that moves the dial by `step` each time (or returns what `script` says). */
function stepProposer(
  step: number,
  script?: (request: ProposalRequest) => ProposalResult | null,
): Proposer & { requests: ProposalRequest[] } {
  const requests: ProposalRequest[] = [];
  return {
    id: `step-${step}`,
    reflective: false,
    requests,
    components: () => ['dial'],
    async propose(request) {
      requests.push(request);
      const scripted = script?.(request);
      if (scripted) return scripted;
      // Seeded steps of 1 to `step`, so a rejected proposal is not simply proposed again.
      const dial = Math.min(10, Number(request.parent.controller.parameters.dial) + 1 + request.random.int(step));
      return {
        kind: 'proposal',
        parameters: { ...request.parent.controller.parameters, dial },
        note: `dial ${dial}`,
        usage: noProposerUsage,
      };
    },
  };
}

/** A proposer that sets the dial anywhere (seeded): it seldom proposes the same thing twice. */
function anywhereProposer() {
  return stepProposer(0, (request) => ({
    kind: 'proposal',
    parameters: { ...request.parent.controller.parameters, dial: request.random.int(11) },
    note: 'anywhere',
    usage: noProposerUsage,
  }));
}

async function setup(overrides: Partial<GepaOptions> = {}, family = dialFamily()) {
  const corpus = await openCorpus('sqlite::memory:');
  const options: GepaOptions = {
    corpus,
    family: family.family,
    benchmark: 'dial',
    baseline: dialController,
    plan: (controller) => blind({ controller }),
    train: family.train,
    val: family.val,
    proposer: stepProposer(2),
    budget: { iterations: 4 },
    seed: 11,
    familyConfig: family.config,
    now: () => new Date('2026-12-01T12:00:00Z'),
    ...overrides,
  };
  return { corpus, options, family };
}

describe('gepa', () => {
  it('climbs from a poor baseline, keeping only children that beat their parent on the minibatch', async () => {
    const baseline = dialController.withParameters({ dial: 2, note: 'begin' });
    const { corpus, options } = await setup({
      baseline,
      proposer: stepProposer(4),
      acceptance: { rule: 'strict' },
      minibatch: 6,
      budget: { iterations: 6 },
    });
    const result = await gepa(options);
    expect(result.stop).toEqual({ reason: 'iterations', detail: '6 iterations done' });
    const kept = result.iterations.filter((it) => it.outcome === 'accepted');
    expect(kept.length).toBeGreaterThanOrEqual(2);
    // Every kept child beat its parent on the minibatch (strict: a higher sum).
    for (const it of kept) {
      const sum = (values: number[] | undefined) => (values ?? []).reduce((a, b) => a + b, 0);
      expect(sum(it.acceptance?.child)).toBeGreaterThan(sum(it.acceptance?.parent));
    }
    expect(Number(result.best.controller.parameters.dial)).toBeGreaterThan(2);
    const baselineVal = result.iterations[0]?.best.hash === baseline.hash ? result.iterations[0]?.best.valScore : null;
    expect(result.bestVal).toBeGreaterThan(baselineVal ?? 0.25);
    // Lineage: the pool is the baseline and the accepted children, each naming a kept parent.
    expect(result.candidates.map((c) => c.hash)).toEqual([baseline.hash, ...kept.map((it) => it.proposal)]);
    const keptHashes = new Set(result.candidates.map((c) => c.hash));
    for (const candidate of result.candidates.slice(1))
      expect(keptHashes.has(candidate.parents[0] as string)).toBe(true);
    const records = await corpus.candidates({ optimizationId: result.optimizationId });
    expect(records.find((record) => record.origin === 'baseline')).toMatchObject({ hash: baseline.hash, parents: [] });
    expect(await corpus.optimization(result.optimizationId)).toMatchObject({
      status: 'completed',
      stopReason: 'iterations',
      best: { id: 'dial', hash: result.best.hash },
      spend: result.spend,
    });
  });

  it('accepts by the one-sided sign test at α = 0.2 unless told otherwise, recording its p-value', async () => {
    const { options } = await setup({ budget: { iterations: 3 } });
    const result = await gepa(options);
    const judged = result.iterations.filter((it) => it.acceptance !== null);
    expect(judged.length).toBeGreaterThan(0);
    for (const it of judged) {
      expect(it.acceptance?.rule).toBe('sign');
      expect(typeof it.acceptance?.pValue).toBe('number');
      expect(it.outcome === 'accepted').toBe((it.acceptance?.pValue as number) < 0.2);
    }
  });

  it("reads the checks objective from each cell's final attempt, and measures the front beyond the baseline", async () => {
    const { options } = await setup({
      objectives: [
        { name: 'success', direction: 'maximize' },
        { name: 'checks', direction: 'maximize' },
      ],
      budget: { iterations: 3 },
    });
    const result = await gepa(options);
    const baselineScores = result.val.get(dialController.hash);
    expect([...(baselineScores?.values() ?? [])].map((scores) => scores.checks)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(result.front.length).toBeGreaterThanOrEqual(1);
    // Checks tie at 1, so the volume beyond the baseline is success gained × 0 on checks: a flat front has none.
    expect(result.hypervolume).toBe(0);
  });

  it('marks its record failed, with the error, when something it calls throws', async () => {
    const broken = stepProposer(1, () => {
      throw new Error('the proposer broke');
    });
    const { corpus, options } = await setup({ proposer: broken });
    await expect(gepa(options)).rejects.toThrow('the proposer broke');
    const [record] = await corpus.optimizations();
    expect(record).toMatchObject({ status: 'failed', stopReason: 'error', stopDetail: 'Error: the proposer broke' });
  });

  it('gives the same search for the same seed', async () => {
    const strip = (result: Awaited<ReturnType<typeof gepa>>) =>
      result.iterations.map(({ createdAt: _createdAt, ...rest }) => rest);
    const first = await gepa((await setup()).options);
    const second = await gepa((await setup()).options);
    expect(strip(second)).toEqual(strip(first));
    expect(second.best.hash).toBe(first.best.hash);
  });

  it('never runs more cells than the budget, and says the budget stopped it', async () => {
    const anywhere = anywhereProposer();
    const { corpus, options, family } = await setup({ proposer: anywhere, budget: { cells: 40 } });
    const result = await gepa(options);
    expect(result.stop.reason).toBe('budget-cells');
    expect(result.spend.cells).toBeLessThanOrEqual(40);
    const runs = (await corpus.runs()).filter((run) => run.runId.startsWith(`${result.optimizationId}/`));
    const cells = (await Promise.all(runs.map((run) => corpus.cells({ runId: run.runId })))).flat();
    expect(cells).toHaveLength(result.spend.cells);
    expect(family.attempts()).toBe(result.spend.cells);
  });

  it('never spends more dollars than the budget', async () => {
    const anywhere = anywhereProposer();
    const { options } = await setup({ proposer: anywhere, budget: { usd: 0.25 } });
    const result = await gepa(options);
    expect(result.stop.reason).toBe('budget-usd');
    expect(result.spend.usd).not.toBeNull();
    expect(result.spend.usd as number).toBeLessThanOrEqual(0.25);
  });

  it('stops a dollar-capped search once a proposal cost was not measured, rather than read it as 0', async () => {
    const proposer = stepProposer(2, (request) => ({
      kind: 'proposal',
      parameters: { ...request.parent.controller.parameters, dial: 3 },
      note: 'unmetered',
      usage: { calls: 1, tokensIn: null, tokensOut: null, usd: null, costProvenance: 'unknown' },
    }));
    const { options } = await setup({ proposer, budget: { usd: 5 } });
    const result = await gepa(options);
    expect(result.stop.reason).toBe('unmeasured-usd');
    expect(result.spend.usd).toBeNull();
  });

  it('refuses up front a budget too small for one proposal, naming the cells needed, and runs nothing', async () => {
    const { options, family } = await setup({ budget: { cells: 10 } });
    // 6 val cells for the baseline, then 3 + 3 minibatch cells and 6 val cells for one child.
    await expect(gepa(options)).rejects.toThrow(BudgetTooSmallError);
    await expect(gepa(options)).rejects.toMatchObject({ needed: 18 });
    expect(family.attempts()).toBe(0);
  });

  it('does not evaluate a proposal again once it was rejected for the same parent', async () => {
    // The baseline sits at the best dial; every proposal moves it away, to the same place.
    const proposer = stepProposer(0, (request) => ({
      kind: 'proposal',
      parameters: { ...request.parent.controller.parameters, dial: 0 },
      note: 'worse',
      usage: noProposerUsage,
    }));
    const baseline = dialController.withParameters({ dial: 7, note: 'begin' });
    const { options } = await setup({ proposer, baseline, budget: { iterations: 4 } });
    const result = await gepa(options);
    expect(result.iterations.map((it) => it.outcome)).toEqual(['rejected', 'repeated', 'repeated', 'repeated']);
    expect(result.iterations.slice(1).map((it) => it.spend.cells)).toEqual([0, 0, 0]);
    expect(proposer.requests[1]?.rejected.has(result.iterations[0]?.proposal as string)).toBe(true);
  });

  it('refuses invalid proposals before any evaluation', async () => {
    let call = 0;
    const proposer = stepProposer(2, (request) =>
      call++ === 0
        ? { kind: 'invalid', reason: 'truncated: the model stopped at its token limit', usage: noProposerUsage }
        : {
            kind: 'proposal',
            parameters: { ...request.parent.controller.parameters, dial: 99 },
            note: 'out of bounds',
            usage: noProposerUsage,
          },
    );
    const { options } = await setup({ proposer, budget: { iterations: 2 } });
    const result = await gepa(options);
    expect(result.iterations.map((it) => [it.outcome, it.spend.cells])).toEqual([
      ['invalid', 0],
      ['invalid', 0],
    ]);
    expect(result.iterations[0]?.reason).toBe('truncated: the model stopped at its token limit');
    expect(result.iterations[1]?.reason).toContain('dial');
  });
});
