import type { ArmSummary, FailureTally } from '@ratchet/runtime';

/** An arm whose attempts failed this way at least this often looks broken, not just unsuccessful. */
export const brokenShare = 0.5;
const minimumAttempts = 3;

/** The commonest failure of an arm, when it is most of its attempts; null otherwise. */
export function dominantFailure(failures: FailureTally): { reason: string; count: number } | null {
  if (failures.attempts < minimumAttempts) return null;
  const [reason, count] = Object.entries(failures.byReason).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0] ?? [];
  if (reason === undefined || count === undefined || count / failures.attempts < brokenShare) return null;
  return { reason, count };
}

/** Words that mark the line of a stderr that says what went wrong. */
const telling = /error|cannot|can't|not found|no such|denied|fatal|failed|exception|traceback|unknown|invalid/i;

/**
 * The stderr lines worth showing, indented: the ones that say what went wrong (`Error: Cannot find
 * module …`), or the first lines when none does. A runtime's preamble (`node:internal/… throw err; ^`)
 * says nothing a user can act on.
 */
export function stderrHead(stderr: string | undefined, lines = 3): string[] {
  if (!stderr) return [];
  const all = stderr.split('\n').filter((line) => line.trim() !== '');
  const chosen = all.some((line) => telling.test(line)) ? all.filter((line) => telling.test(line)) : all;
  return chosen.slice(0, lines).map((line) => `    ${line.trim().slice(0, 200)}`);
}

/**
 * Loud warnings for arms whose attempts mostly failed the same way (a non-zero exit, a crash, the
 * agent's time limit): usually a broken agent command or setup rather than the agent's work. Each
 * names the failure and shows the first stderr lines of one such attempt.
 */
export function failureWarnings(arms: readonly ArmSummary[]): string[] {
  const lines: string[] = [];
  for (const arm of arms) {
    const dominant = dominantFailure(arm.failures);
    if (!dominant) continue;
    const sample = arm.failures.sample;
    const head = stderrHead(sample?.stderr);
    lines.push(
      `${arm.armId}: ${dominant.count} of ${arm.failures.attempts} attempts failed the same way (${dominant.reason}${sample ? `: ${sample.message}` : ''}). This usually means the agent command or its setup is broken, not that the agent tried and failed; check it (ratchet run --probe runs the agent once on one task).`,
      ...(head.length > 0 ? ['  from its stderr:', ...head] : []),
    );
  }
  return lines;
}
