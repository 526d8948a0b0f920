import type { ReflectiveAttempt, ReflectiveExample } from '../proposer';

/** An attempt with every field the reflective dataset shows, filled with recognisable text. */
export function attemptOf(attempt: number, overrides: Partial<ReflectiveAttempt> = {}): ReflectiveAttempt {
  return {
    attempt,
    steer: attempt === 0 ? null : { text: `STEER-${attempt}: check the edge cases`, parameters: { findings: 2 } },
    output: { inline: `OUTPUT-${attempt}` },
    checks: [{ name: 'visible-tests', passed: false, score: 0.5, details: { failing: ['t3'] } }],
    traceSummary: `TRACE-${attempt}: ran 3 tools`,
    failure: { reason: 'error', message: `FAILURE-${attempt}: gave up` },
    ...overrides,
  };
}

/** A minibatch task with `attempts` attempts. */
export function exampleOf(
  taskId: string,
  attempts = 2,
  input: ReflectiveExample['input'] = `INPUT of ${taskId}`,
): ReflectiveExample {
  return { taskId, input, attempts: Array.from({ length: attempts }, (_, i) => attemptOf(i)), score: 0 };
}
