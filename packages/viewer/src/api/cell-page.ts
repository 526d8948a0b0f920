import type { CellRecord, CheckResult, Corpus, Output, RunRecord, Steer, Usage, Verdict } from '@ratchet/corpus';
import { NotFoundError } from './not-found-error';
import type { PageQuery } from './page-query';
import { inlineEvents, stderrTail, type TraceBlobs, type TraceEventView } from './trace-events';

/** Where an attempt's steer came from, in words a reader checks against DESIGN's firewall. */
export function steerOrigin(record: RunRecord): string {
  const controller = `controller ${record.controller.id}#${record.controller.hash.slice(0, 12)}`;
  const from = record.checkpoint ? `, continuing from attempt record ${record.checkpoint.fromRecordId}` : '';
  if (record.steer === null) {
    return record.checkpoint
      ? `no steer: a continuation of ${record.checkpoint.fromRecordId} without new findings`
      : 'no steer: a fresh start with nothing to say';
  }
  if (record.attempt === 0 && !record.checkpoint) return `the initial steer of ${controller}, built before any attempt`;
  return `built by ${controller} through the firewall from findings on the earlier attempts' traces${from}`;
}

/** One attempt as the cell page shows it. The verdict is its own field, shown apart and labelled write-only. */
export interface AttemptView {
  recordId: string;
  attempt: number;
  try: number;
  /** Listed by the cell (`attemptIds`): what the cell's result was made of. */
  inCell: boolean;
  /** The attempt whose output the cell chose. */
  chosen: boolean;
  createdAt: string;
  controller: RunRecord['controller'];
  worker: RunRecord['worker'];
  steer: Steer | null;
  steerOrigin: string;
  checkpointFrom: string | null;
  trace: {
    summary: string;
    events: number;
    blob: RunRecord['trace']['blob'];
    /** The events when the whole trace is inline; a blob's are paged from `/api/blobs/:sha256/events`. */
    inline: TraceEventView[] | null;
  };
  output: Output | null;
  checks: CheckResult[];
  usage: Usage;
  failure: RunRecord['failure'];
  infra: RunRecord['infra'];
  /** What a CLI agent wrote to stderr: the head kept with its failure and the tail its trace logged. */
  stderr: { head: string | null; tail: string | null };
  /** Write-only: recorded and reported, never shown to the worker, strategy or controller. */
  verdict: Verdict | null;
}

export interface CellPage {
  cell: CellRecord;
  attempts: AttemptView[];
  /** Attempt records of the cell's (run, arm, task, replicate), every try; this page holds `attempts`. */
  offset: number;
  limit: number;
  hasMore: boolean;
}

async function attemptView(record: RunRecord, cell: CellRecord, blobs: TraceBlobs): Promise<AttemptView> {
  const inline = inlineEvents(record.trace);
  const events = inline ?? (record.trace.blob ? await blobs.events(record.trace.blob.sha256) : null);
  return {
    recordId: record.recordId,
    attempt: record.attempt,
    try: record.try,
    inCell: cell.attemptIds.includes(record.recordId),
    chosen: cell.finalAttemptId === record.recordId,
    createdAt: record.createdAt,
    controller: record.controller,
    worker: record.worker,
    steer: record.steer,
    steerOrigin: steerOrigin(record),
    checkpointFrom: record.checkpoint?.fromRecordId ?? null,
    trace: { summary: record.trace.summary, events: record.trace.events, blob: record.trace.blob, inline },
    output: record.output,
    checks: record.checks,
    usage: record.usage,
    failure: record.failure,
    infra: record.infra,
    stderr: { head: record.failure?.stderr ?? null, tail: stderrTail(events) },
    verdict: record.verdict,
  };
}

/**
 * A cell and one page of its attempt records in the order they were made: the cell's (run, arm, task,
 * replicate) is one indexed query, and tries that were abandoned show too, marked as not in the cell.
 */
export async function cellPage(corpus: Corpus, blobs: TraceBlobs, cellId: string, page: PageQuery): Promise<CellPage> {
  const cell = await corpus.cell(cellId);
  if (!cell) throw new NotFoundError('cell', cellId, corpus.url);
  const records = await corpus.records({
    runId: cell.runId,
    armId: cell.armId,
    taskId: cell.taskId,
    replicate: cell.replicate,
    offset: page.offset,
    limit: page.limit + 1,
  });
  const shown = records.slice(0, page.limit).sort((a, b) => a.try - b.try || a.attempt - b.attempt);
  return {
    cell,
    attempts: await Promise.all(shown.map((record) => attemptView(record, cell, blobs))),
    offset: page.offset,
    limit: page.limit,
    hasMore: records.length > page.limit,
  };
}
