import type { Usage, Verdict } from '@ratchet/corpus';

/**
 * What a judge needs to know about a task: its id, its input and, for judges that compare against a
 * reference, the expected answer. The runtime's task type is a superset of this.
 */
export interface JudgeTask {
  readonly id: string;
  readonly input: unknown;
  readonly expected?: unknown;
}

/** What surrounds one judging call. Every field is optional; judges that need one say so. */
export interface JudgeContext {
  /** The task's work dir, where command-running judges and checks run. */
  readonly workDir?: string;
  /** Aborts the call; command-running judges kill their whole process tree. */
  readonly signal?: AbortSignal;
  /** What the attempt spent, as metered. When present, built-in judges add `wallMs` and `usd` objectives. */
  readonly usage?: Usage;
  /** The clock that stamps `judgedAt`; defaults to the system clock. */
  readonly now?: () => Date;
}

/**
 * The benchmark's terminal scorer. Write-only (docs/design.md rule 1): its verdict is recorded and reported,
 * never fed back to a strategy, controller, analyst or optimizer. A judge throws `JudgeInfraError` when
 * the harness broke, and returns a verdict with `resolved: false` when the output failed.
 */
export interface Judge<TOutput = unknown> {
  readonly id: string;
  readonly version?: string;
  judge(task: JudgeTask, output: TOutput, context?: JudgeContext): Promise<Verdict>;
}
