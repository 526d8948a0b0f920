import type { CheckResult, JsonValue, Split } from '@ratchet/corpus';
import type { Environment, Task } from '@ratchet/runtime';
import type { DslTaskInput } from './dsl-task-input';
import { dslTasks } from './dsl-tasks';
import { scoreProgram } from './score-program';
import type { DslExample } from './search-state';

/** A dsl task opened: its visible examples, in memory. */
export interface DslHandle {
  readonly taskId: string;
  readonly examples: readonly DslExample[];
}

/** How many failing examples a check's details list. */
const shownFailures = 5;

/**
 * The dsl environment: the family's tasks for a seed, opened in memory. Its one check runs the output
 * program on the visible examples (never the hidden ones): passed when all pass, score the share.
 *
 * @example
 * const environment = dslEnvironment({ count: 40, seed: 1 });
 * const [task] = await environment.tasks('train');
 */
export function dslEnvironment(options: {
  count: number;
  seed?: number | string;
  /** Draw targets from this domain's idioms (`dslDomain`). */
  domain?: number | string;
}): Environment<DslTaskInput, DslHandle> {
  return {
    id: 'dsl',
    version: '1',
    async tasks(split?: Split): Promise<Task<DslTaskInput>[]> {
      return dslTasks({ ...options, ...(split === undefined ? {} : { split }) });
    },
    async open(task) {
      return { taskId: task.id, examples: task.input.examples };
    },
    async checks(handle, output): Promise<CheckResult[]> {
      return [visibleExamplesCheck(handle.examples, output)];
    },
    async close() {},
  };
}

/** The visible-examples check, with details naming each failing example (input, expected, got). */
export function visibleExamplesCheck(examples: readonly DslExample[], output: JsonValue): CheckResult {
  const score = scoreProgram(output, examples);
  if (!score.ok) {
    return {
      name: 'visible-examples',
      passed: false,
      score: 0,
      details: { passed: 0, total: score.total, error: score.error },
    };
  }
  const failing = score.results.filter((result) => !result.passed);
  return {
    name: 'visible-examples',
    passed: failing.length === 0,
    score: score.passed / score.total,
    details: {
      passed: score.passed,
      total: score.total,
      failing: failing.slice(0, shownFailures).map((result) => ({
        example: result.index,
        input: result.input,
        expected: result.expected,
        got: result.got,
      })),
    },
  };
}
