import type { Verdict } from '@ratchet/corpus';
import type { AttemptView } from '../contracts/attempt-view';
import { bestVerdict } from './best-verdict';
import type { CellServices, CellSpec } from './cell-spec';
import { withInfraRetries } from './retry';

/**
 * Judges the chosen output (and, for the oracle bound, every attempt, each on its own state) after the
 * strategy has finished,
 * so no verdict can reach it. Records the verdicts on the attempts. A persistent judge infra failure
 * throws `CellInfraFailure`.
 */
export async function judgeAttempts(
  spec: CellSpec,
  services: CellServices,
  history: readonly AttemptView[],
  final: AttemptView,
  handles: ReadonlyMap<string, unknown>,
): Promise<{ verdict: Verdict | null; oracle: { attemptId: string; verdict: Verdict } | null }> {
  const { task } = spec;
  const judgeTask = {
    id: task.id,
    input: task.input,
    ...(task.expected === undefined ? {} : { expected: task.expected }),
  };
  const judged = new Map<string, Verdict>();
  for (const attempt of services.oracle ? history : [final]) {
    // Each attempt is judged on its own state (its work dir), never on a later attempt's.
    const context = { ...workDirOf(handles.get(attempt.attemptId)), signal: services.signal, usage: attempt.usage };
    const verdict = await withInfraRetries(
      () => services.judge.judge(judgeTask, attempt.output, context),
      services.retry,
      services.signal,
    );
    judged.set(attempt.attemptId, verdict);
  }
  await services.writer.attachVerdicts([...judged].map(([recordId, verdict]) => ({ recordId, verdict })));
  return { verdict: judged.get(final.attemptId) ?? null, oracle: services.oracle ? bestVerdict(judged) : null };
}

/** Handles that carry a work dir (`{ workDir: string }`) pass it on to command-running judges. */
function workDirOf(handle: unknown): { workDir?: string } {
  const workDir = (handle as { workDir?: unknown } | null)?.workDir;
  return typeof workDir === 'string' ? { workDir } : {};
}
