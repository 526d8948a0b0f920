import type { CheckResult, Usage } from '@ratchet/corpus';

/** What surrounds one check. Every field is optional; a check says which it needs. */
export interface CheckContext {
  /** The task's work dir, where command-running checks run. */
  readonly workDir?: string;
  /** Aborts the check; command-running checks kill their whole process tree. */
  readonly signal?: AbortSignal;
  /** What the attempt has spent so far, as metered. */
  readonly usage?: Usage;
  /** Wall time the attempt has used so far, when the caller keeps its own clock. */
  readonly elapsedMs?: number;
}

/**
 * A deployable, oracle-free signal the controller may see (visible tests, a clock, a cost meter, a
 * scanner). Unlike a judge it needs no expected answer, so a strategy may use it to choose its final
 * output. Throws `JudgeInfraError` when the harness broke; returns a `CheckResult` otherwise, with
 * `passed` and `score` null when the check could not measure (docs/design.md rule 5).
 */
export interface Check<TOutput = unknown> {
  readonly name: string;
  run(output: TOutput, context?: CheckContext): Promise<CheckResult>;
}
