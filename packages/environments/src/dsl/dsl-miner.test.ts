import { unmeasuredUsage } from '@ratchet/corpus';
import type { CertifiedExample } from '@ratchet/runtime';
import { describe, expect, it } from 'vitest';
import { createDslController, dslControllerParameters } from './dsl-controller';
import { dslMiner, dslMinerSettingsSchema, mineDslLibrary } from './dsl-miner';
import { parseProgram } from './parse-program';
import { runProgram } from './run-program';

const inputs = [
  [3, -1, 4, 1],
  [5, 2, 7],
  [0, 9, -3, 6, 1],
];

function certified(taskId: string, program: string, recency = 1): CertifiedExample {
  const target = parseProgram(program);
  return {
    benchmark: 'dsl',
    runId: 'run-1',
    taskId,
    split: 'train',
    recordId: `${taskId}/a0`,
    attempt: 0,
    continued: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    input: {
      outputType: typeof runProgram(target, inputs[0] as number[]) === 'number' ? 'int' : 'list',
      examples: inputs.map((input) => ({ input, output: runProgram(target, input) })),
    },
    steer: null,
    output: program,
    usage: unmeasuredUsage,
    recency,
  };
}

// Two idioms hidden in six certified programs: (filter odd (reverse …)) in four tasks, (map (+ 1) (sort …)) in three.
const corpus = [
  certified('t1', '(sum (map (+ 1) (sort xs)))'),
  certified('t2', '(map (+ 1) (sort (filter odd (reverse xs))))'),
  certified('t3', '(head (map (+ 1) (sort xs)))'),
  certified('t4', '(filter odd (reverse (take 2 xs)))'),
  certified('t5', '(max (filter odd (reverse xs)))'),
  certified('t6', '(length (filter odd (reverse xs)))'),
];
const defaults = dslMinerSettingsSchema.parse({});

describe('mineDslLibrary', () => {
  it('finds the two idioms a hand-built corpus shares, most compressing first, and nothing used by fewer than 3 tasks', () => {
    const { library, summary } = mineDslLibrary(corpus, defaults);
    expect(library.fragments.map((f) => f.program)).toEqual(['(filter odd (reverse xs))', '(map (+ 1) (sort xs))']);
    expect(summary.fragments).toEqual([
      { program: '(filter odd (reverse xs))', support: 4, savings: 4 },
      { program: '(map (+ 1) (sort xs))', support: 3, savings: 3 },
    ]);
    // 6 programs of 3, 4, 3, 3, 3, 3 steps: 19 before; 2 steps each after (t2 becomes #1 over #0).
    expect(summary.weightedSize).toEqual({ before: 19, after: 12 });
  });

  it('counts support in distinct tasks: the same program certified twice in one task is one task', () => {
    const repeated = [...corpus.slice(0, 2), certified('t1', '(sum (map (+ 1) (sort xs)))'), ...corpus.slice(3)];
    const { library } = mineDslLibrary(repeated, defaults);
    expect(library.fragments.map((f) => f.program)).toEqual(['(filter odd (reverse xs))']);
  });

  it('keeps one exemplar per task with the productions its rewritten programs use, and weighs fragments by use', () => {
    const { library } = mineDslLibrary(corpus, defaults);
    expect(library.exemplars).toHaveLength(6);
    expect(library.exemplars.map((e) => e.uses)).toContainEqual({ sum: 1, '#1': 1 });
    expect(library.exemplars.map((e) => e.uses)).toContainEqual({ '#1': 1, '#0': 1 });
    // Each fragment is used more than an average production, so both weigh above 1.
    for (const fragment of library.fragments) expect(fragment.weight).toBeGreaterThan(1);
  });

  it('counts fragments that behave alike as one, written as the variant most tasks used', () => {
    const commuting = [
      certified('c1', '(sum (drop 2 (map (* 3) xs)))'),
      certified('c2', '(map (* 3) (drop 2 xs))'),
      certified('c3', '(head (map (* 3) (drop 2 xs)))'),
    ];
    const { library, summary } = mineDslLibrary(commuting, defaults);
    // Neither spelling has 3 tasks alone; together they do, and the rewrite covers both.
    expect(library.fragments.map((f) => f.program)).toEqual(['(map (* 3) (drop 2 xs))']);
    expect(summary.fragments).toEqual([
      {
        program: '(map (* 3) (drop 2 xs))',
        support: 3,
        savings: 3,
        variants: ['(drop 2 (map (* 3) xs))', '(map (* 3) (drop 2 xs))'],
      },
    ]);
    expect(summary.weightedSize).toEqual({ before: 8, after: 5 });
  });

  it('learns nothing from nothing, and weighs an old run less', () => {
    expect(mineDslLibrary([], defaults).library).toEqual({ fragments: [], exemplars: [] });
    const { library } = mineDslLibrary(
      [...corpus.slice(0, 5), certified('t6', '(length (filter odd (reverse xs)))', 0.25)],
      defaults,
    );
    expect(library.exemplars.at(-1)?.weight).toBe(0.25);
  });

  it('gives controller parameters the dsl controller accepts, with another hash than the base', () => {
    const mined = dslMiner.mine(corpus, defaults);
    const controller = createDslController({ ...dslControllerParameters, ...(mined.parameters as object) });
    expect(controller.hash).not.toBe(createDslController().hash);
  });
});
