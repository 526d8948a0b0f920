// Each built-in strategy, run as a sandbox program, makes the same cells as its native version under
// the same seed: the same attempts (ids, steers, checkpoints), the same final choice, the same verdicts.
import { type CellRecord, type Corpus, openCorpus, type RunRecord } from '@ratchet/corpus';
import { dslFamily, simFamily } from '@ratchet/environments';
import {
  blindStrategy,
  type Controller,
  continueBestStrategy,
  continueStrategy,
  type FamilyInstance,
  fanoutThenRefineStrategy,
  randomStrategy,
  refineStrategy,
  runBenchmark,
  type Strategy,
  type Task,
} from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../compile-program';
import { programStrategy } from '../program-strategy';
import { builtInProgramSources } from './built-in-programs';

const natives: Record<keyof typeof builtInProgramSources, Strategy> = {
  blind: blindStrategy,
  random: randomStrategy,
  continue: continueStrategy,
  refine: refineStrategy,
  continueBest: continueBestStrategy,
  fanoutThenRefine: fanoutThenRefineStrategy,
};

interface Setup {
  family: FamilyInstance;
  tasks: readonly Task[];
  controller: Controller;
  k: number;
}

/** A verdict's scores but the wall clock's. */
const scoresOf = ({ wallMs: _w, ...scores }: Record<string, unknown>) => scores;

/** What a cell is, without what only the clock decides (times, wall-clock spend). */
function comparable(cell: CellRecord, attempts: readonly RunRecord[]) {
  const { createdAt: _c, spend: _s, verdict, oracle, ...rest } = cell;
  return {
    ...rest,
    verdict: verdict && { resolved: verdict.resolved, scores: scoresOf(verdict.scores) },
    oracle: oracle && { attemptId: oracle.attemptId, resolved: oracle.verdict.resolved },
    attempts: cell.attemptIds.map((id) => {
      const record = attempts.find((attempt) => attempt.recordId === id);
      return {
        id,
        steer: record?.steer,
        checkpoint: record?.checkpoint,
        output: record?.output,
        checks: record?.checks,
      };
    }),
  };
}

async function cellsOf(strategy: Strategy, setup: Setup) {
  const corpus: Corpus = await openCorpus('sqlite::memory:');
  try {
    await runBenchmark({
      ...setup.family,
      corpus,
      tasks: setup.tasks,
      runId: 'same-run',
      seed: 'same-seed',
      arms: [{ id: 'arm', strategy, k: setup.k, controller: setup.controller }],
      primaryContrast: { name: 'none', baseline: 'arm', candidate: 'arm' },
    });
    const attempts = await corpus.records({ runId: 'same-run' });
    const cells = await corpus.cells({ runId: 'same-run' });
    return cells.map((cell) => comparable(cell, attempts)).sort((a, b) => a.cellId.localeCompare(b.cellId));
  } finally {
    await corpus.close();
  }
}

async function expectSameCells(name: keyof typeof builtInProgramSources, setup: Setup) {
  const program = await compileProgram(builtInProgramSources[name]);
  const native = await cellsOf(natives[name], setup);
  const sandboxed = await cellsOf(programStrategy(program), setup);
  expect(program.name).toBe(natives[name].name);
  expect(sandboxed).toEqual(native);
  return native;
}

describe('the built-in strategies as sandbox programs', () => {
  const options = { count: 8, seed: 3, continuation: 0.15, effects: { arm: 0.2 } };
  const sim = simFamily.create(options);

  for (const name of Object.keys(natives) as Array<keyof typeof natives>) {
    it(`${name}: the same cells as the native strategy on sim`, async () => {
      const tasks = await simFamily.draw(options, 'train');
      const cells = await expectSameCells(name, { family: sim, tasks, controller: sim.controller('arm'), k: 4 });
      expect(cells).toHaveLength(8);
      // The comparison has teeth: attempts were made, some continued from a checkpoint.
      if (name !== 'blind' && name !== 'random') {
        expect(cells.some((cell) => cell.attempts.some((attempt) => attempt.checkpoint !== null))).toBe(true);
      }
    });
  }

  it('continueBest and refine: the same cells on dsl, where the controller stops early on visible passes', async () => {
    const dslOptions = { count: 10, seed: 0, budget: 1500 };
    const dsl = dslFamily.create(dslOptions);
    try {
      const tasks = (await dslFamily.draw(dslOptions, 'train')).slice(0, 6);
      const setup = { family: dsl, tasks, controller: dsl.controller('arm'), k: 4 };
      const cells = [...(await expectSameCells('continueBest', setup)), ...(await expectSameCells('refine', setup))];
      expect(new Set(cells.map((cell) => cell.attempts.length)).size).toBeGreaterThan(1);
    } finally {
      await dsl.close();
    }
  });
});
