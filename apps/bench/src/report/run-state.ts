import type { RunManifest } from '@ratchet/corpus';
import type { RunSummary } from '@ratchet/runtime';

/**
 * The run's state in one sentence, the one place that says it: finished, stopped (and why), failed,
 * or not finished — with how many of the planned cells are recorded and the command that resumes it.
 * A run still marked `running` whose process is gone says so rather than "running".
 */
export function runState(
  manifest: RunManifest,
  summary: Pick<RunSummary, 'cells' | 'stopReason' | 'status'> & { stopDetail?: string | null },
): string {
  const { planned, recorded } = summary.cells;
  const cells = planned === null ? `${recorded} cells recorded` : `${recorded}/${planned} cells recorded`;
  const resume = manifest.resumeCommand ? ` — resume with: ${manifest.resumeCommand}` : '';
  switch (summary.status) {
    case 'completed':
      // A run recorded as completed with cells missing here was copied in part (an import cut short).
      if (recorded === 0 || (planned !== null && recorded < planned)) {
        return `completed where it ran, but only ${cells} are in this corpus (a partial import?)`;
      }
      return `completed (${cells})`;
    case 'interrupted':
      if (summary.stopReason === 'spend-cap') return `stopped at the spend cap (${cells})${resume}`;
      if (summary.stopReason === 'infra') {
        return `paused: ${summary.stopDetail ?? 'an infra failure would hit every cell'} (${cells}; none marked infra for it)${resume}`;
      }
      return `interrupted (${cells})${resume}`;
    case 'failed':
      return `failed (${cells}): the run stopped on an error${resume}`;
    case 'running':
      return `not finished: ${cells}; running now, or its process was killed${resume}`;
  }
}
