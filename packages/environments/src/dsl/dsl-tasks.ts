import type { Split } from '@ratchet/corpus';
import type { Task } from '@ratchet/runtime';
import { createRng, type Rng } from '@ratchet/stats';
import { z } from 'zod';
import { type DslDomain, domainTarget, dslDomain } from './dsl-domain';
import { DslOptionsError } from './dsl-options-error';
import { type DslExpr, type DslValue, printProgram, programDepth, programSize } from './dsl-program';
import type { DifficultyLevel, DslExpected, DslTaskInput, DslTaskMetadata } from './dsl-task-input';
import { generateProgram } from './generate-program';
import { runProgram } from './run-program';
import { defaultSearchParameters } from './search-parameters';
import { solveDsl } from './solve-dsl';

const optionsSchema = z.strictObject({
  count: z.number().int().min(0).max(100_000),
  seed: z.union([z.number().finite(), z.string().min(1)]).optional(),
  split: z.enum(['train', 'val', 'holdout']).optional(),
  /** Draw targets from the domain of this seed (`dslDomain`): idioms that repeat across tasks. */
  domain: z.union([z.number().finite(), z.string().min(1)]).optional(),
});
export type DslTasksOptions = z.input<typeof optionsSchema>;

export type DslTask = Task<DslTaskInput> & { readonly expected: DslExpected; readonly metadata: DslTaskMetadata };

const visibleCount = 3;
const hiddenCount = 24;

/** Task i's split, by position, so the splits never overlap: 3 in 5 train, 1 val, 1 holdout. */
export function dslSplitOf(index: number): Split {
  const slot = index % 5;
  return slot < 3 ? 'train' : slot === 3 ? 'val' : 'holdout';
}

function levelOf(rng: Rng): { level: DifficultyLevel; size: number } {
  const u = rng.next();
  if (u < 0.3) return { level: 'easy', size: 1 + rng.int(2) };
  if (u < 0.6) return { level: 'medium', size: 3 };
  if (u < 0.85) return { level: 'hard', size: 4 };
  return { level: 'out-of-reach', size: 6 + rng.int(2) };
}

function randomList(rng: Rng, minLength: number, maxLength: number, low: number, high: number): number[] {
  const length = minLength + rng.int(maxLength - minLength + 1);
  return Array.from({ length }, () => low + rng.int(high - low + 1));
}

const key = (value: DslValue) => JSON.stringify(value);

/** Whether a target is worth a task: varied outputs, not mostly empty, not a smaller program in disguise. */
function acceptable(target: DslExpr, hidden: Array<{ input: number[]; output: DslValue }>): boolean {
  if (new Set(hidden.map((example) => key(example.output))).size < hidden.length / 3) return false;
  if (hidden.filter((example) => key(example.output) === '[]').length > hidden.length / 3) return false;
  const size = programSize(target);
  if (size < 2) return true;
  // A few varied inputs tell most programs apart, at a fraction of the cost of all of them; fewer
  // inputs for big targets, so the search gets through every smaller size.
  const smaller = solveDsl({
    examples: hidden.slice(0, size >= 6 ? 5 : 8),
    outputType: typeof hidden[0]?.output === 'number' ? 'int' : 'list',
    steps: size >= 4 ? 6000 : 1500,
    seed: 'dsl-task-check',
    parameters: defaultSearchParameters,
    state: null,
    stallWindow: Number.POSITIVE_INFINITY,
  });
  return !smaller.state.solved || smaller.state.level >= size;
}

/** Generated tasks by seed and index: generation runs a small search, and runs ask for tasks often. */
const cache = new Map<string, DslTask>();
const cacheLimit = 2000;

/** Task `index` of the family for a seed: depends on nothing else, so it is the same in every run. */
export function dslTask(seed: string | number, index: number, domain?: string | number): DslTask {
  const cacheKey = `${seed}/${index}/${domain ?? ''}`;
  let task = cache.get(cacheKey);
  if (!task) {
    task = generateTask(seed, index, domain === undefined ? undefined : domainOf(domain));
    if (cache.size >= cacheLimit) cache.clear();
    cache.set(cacheKey, task);
  }
  return structuredClone(task);
}

const domains = new Map<string, DslDomain>();
function domainOf(seed: string | number): DslDomain {
  const found = domains.get(String(seed)) ?? dslDomain(seed);
  domains.set(String(seed), found);
  return found;
}

function generateTask(seed: string | number, index: number, domain?: DslDomain): DslTask {
  const rng = createRng(seed).fork(domain ? `dsl-domain-${domain.seed}-task-${index}` : `dsl-task-${index}`);
  let { level, size } = domain ? { level: 'easy' as DifficultyLevel, size: 0 } : levelOf(rng);
  let idioms: number[] | undefined;
  for (;;) {
    let target: DslExpr;
    if (domain) {
      // A target that the acceptance check refuses is drawn again, level and all.
      const drawn = domainTarget(domain, rng);
      ({ level, target, idioms } = drawn);
      size = programSize(target);
    } else target = generateProgram(rng, size, rng.next() < 0.5 ? 'int' : 'list');
    const hiddenInputs = [
      [],
      [rng.int(9) - 4],
      ...Array.from({ length: hiddenCount - 2 }, () => randomList(rng, 2, 9, -5, 9)),
    ];
    const hidden = hiddenInputs.map((input) => ({ input, output: runProgram(target, input) }));
    if (!acceptable(target, hidden)) continue;
    // The worker sees only a few short, mostly positive examples: enough to pin many targets, not all.
    for (let tries = 0; tries < 20; tries++) {
      const inputs = Array.from({ length: visibleCount }, () => randomList(rng, 3, 6, -2, 9));
      const examples = inputs.map((input) => ({ input, output: runProgram(target, input) }));
      if (new Set(examples.map((example) => key(example.output))).size < 2) continue;
      const input: DslTaskInput = {
        examples,
        outputType: typeof examples[0]?.output === 'number' ? 'int' : 'list',
      };
      return {
        id: `dsl-${domain ? `d${domain.seed}-` : ''}${seed}-${String(index).padStart(4, '0')}`,
        split: dslSplitOf(index),
        input,
        expected: { program: printProgram(target), hidden },
        metadata: {
          difficulty: level,
          size,
          depth: programDepth(target),
          ...(idioms ? { idioms: [...idioms] } : {}),
        },
      };
    }
  }
}

/**
 * The dsl task family: tasks 0 … count − 1 for a seed (default 0), optionally only one split. Task i
 * is the same whatever the count; difficulty is mixed by target size (easy 1–2, medium 3, hard 4,
 * out of reach 6–7 operators) and recorded in `task.metadata`, out of the worker's sight.
 *
 * @throws {DslOptionsError} when the options are invalid.
 * @example
 * dslTasks({ count: 5, seed: 7, split: 'train' }).map((task) => task.id); // => ['dsl-7-0000', 'dsl-7-0001', 'dsl-7-0002']
 */
export function dslTasks(options: DslTasksOptions): DslTask[] {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new DslOptionsError('dslTasks', parsed.error);
  const { count, seed = 0, split, domain } = parsed.data;
  const tasks: DslTask[] = [];
  for (let index = 0; index < count; index++) {
    if (split === undefined || dslSplitOf(index) === split) tasks.push(dslTask(seed, index, domain));
  }
  return tasks;
}
