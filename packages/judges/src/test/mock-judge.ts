import type { JsonValue, ObjectiveScore, Verdict } from '@ratchet/corpus';
import { createVerdict } from '../create-verdict';
import type { Judge, JudgeContext, JudgeTask } from '../judge';

/** What a mock judge decides on one call; the judge stamps its id and the time. */
export interface MockJudgment {
  resolved: boolean;
  scores?: Record<string, ObjectiveScore>;
  details?: JsonValue;
}

/** A fixed judgment, one judgment per call (the last repeats), or a function of the call. */
export type MockJudgeBehavior =
  | MockJudgment
  | readonly MockJudgment[]
  | ((task: JudgeTask, output: unknown, context: JudgeContext) => MockJudgment | Promise<MockJudgment>);

/** One recorded call. */
export interface MockJudgeCall {
  task: JudgeTask;
  output: unknown;
  context: JudgeContext;
}

/**
 * A judge for tests: records every call and answers with a fixed judgment, one per call, or a function.
 * Default judgment: resolved, `correct` 1. An `Error` thrown by the function propagates, so infra
 * failures can be simulated.
 *
 * @example
 * const judge = new MockJudge({ judgments: [{ resolved: false }, { resolved: true }] });
 * (await judge.judge(task, 'a')).resolved; // => false
 * (await judge.judge(task, 'b')).resolved; // => true
 * judge.calls.length; // => 2
 */
export class MockJudge implements Judge {
  readonly id: string;
  readonly version?: string;
  readonly calls: MockJudgeCall[] = [];
  readonly #behavior: MockJudgeBehavior;

  constructor(options: { id?: string; version?: string; judgments?: MockJudgeBehavior } = {}) {
    this.id = options.id ?? 'mock';
    if (options.version !== undefined) this.version = options.version;
    this.#behavior = options.judgments ?? { resolved: true };
  }

  async judge(task: JudgeTask, output: unknown, context: JudgeContext = {}): Promise<Verdict> {
    const call = this.calls.length;
    this.calls.push({ task, output, context });
    const behavior = this.#behavior;
    let judgment: MockJudgment;
    if (typeof behavior === 'function') judgment = await behavior(task, output, context);
    else if (Array.isArray(behavior)) judgment = behavior[Math.min(call, behavior.length - 1)] as MockJudgment;
    else judgment = behavior as MockJudgment;
    return createVerdict(
      {
        judge: { id: this.id, version: this.version },
        resolved: judgment.resolved,
        scores: judgment.scores ?? { correct: { value: judgment.resolved ? 1 : 0, direction: 'maximize' } },
        ...(judgment.details === undefined ? {} : { details: judgment.details }),
      },
      context,
    );
  }
}
