import type { Corpus, RunManifest } from '@ratchet/corpus';
import { compareRuns, type RunComparison } from '@ratchet/runtime';
import { NotFoundError } from './not-found-error';
import type { PageQuery } from './page-query';

/** One task of one matched arm pair: each side's resolved rate (replicates averaged), and the difference. */
export interface PairedTaskRow {
  taskId: string;
  baseline: number;
  candidate: number;
}

export interface ArmPairTable {
  /** The contrast's name, as `compareRuns` gives it. */
  name: string;
  baselineArm: string;
  candidateArm: string;
  /** This page of the paired tasks, in task id order. */
  rows: PairedTaskRow[];
  totalTasks: number;
  excluded: { infra: string[]; unmeasured: string[]; unpaired: string[] };
}

export interface ComparePage {
  baseline: RunManifest;
  candidate: RunManifest;
  comparison: RunComparison;
  tables: ArmPairTable[];
  offset: number;
  limit: number;
}

/**
 * Two runs side by side: `compareRuns` (config differences, one exploratory contrast per matched arm,
 * BH-corrected together), and for each matched arm pair the paired per-task table, one page of tasks.
 */
export async function comparePage(
  corpus: Corpus,
  baselineRunId: string,
  candidateRunId: string,
  page: PageQuery,
): Promise<ComparePage> {
  const baseline = await corpus.manifest(baselineRunId);
  if (!baseline) throw new NotFoundError('run', baselineRunId, corpus.url);
  const candidate = await corpus.manifest(candidateRunId);
  if (!candidate) throw new NotFoundError('run', candidateRunId, corpus.url);
  const comparison = await compareRuns(corpus, baselineRunId, candidateRunId);
  const tables = await Promise.all(
    comparison.contrasts.map(async (contrast): Promise<ArmPairTable> => {
      const baselineArm = contrast.baseline.slice(baselineRunId.length + 1);
      const candidateArm = contrast.candidate.slice(candidateRunId.length + 1);
      const pairs = await corpus.pairs({
        baseline: { runId: baselineRunId, armId: baselineArm },
        candidate: { runId: candidateRunId, armId: candidateArm },
        metric: 'resolved',
      });
      const order = pairs.taskIds.map((taskId, index) => ({ taskId, index })).sort((a, b) => cmp(a.taskId, b.taskId));
      const rows = order.slice(page.offset, page.offset + page.limit).map(({ taskId, index }) => ({
        taskId,
        baseline: pairs.baseline[index] as number,
        candidate: pairs.candidate[index] as number,
      }));
      return {
        name: contrast.name,
        baselineArm,
        candidateArm,
        rows,
        totalTasks: pairs.taskIds.length,
        excluded: pairs.excluded,
      };
    }),
  );
  return { baseline, candidate, comparison, tables, offset: page.offset, limit: page.limit };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
