import { type Corpus, maxTraceSummaryChars, type RunRecord } from '@ratchet/corpus';
import type { TraceEvent } from '../contracts/trace-event';

/**
 * The record's trace: the events as JSON inline when they fit the summary bound; otherwise the head
 * and tail inline, with the full trace in a content-addressed blob.
 */
export async function traceSummary(events: readonly TraceEvent[], corpus: Corpus): Promise<RunRecord['trace']> {
  const full = JSON.stringify(events);
  if (full.length <= maxTraceSummaryChars) return { summary: full, events: events.length, blob: null };
  const half = Math.floor((maxTraceSummaryChars - 40) / 2);
  const summary = `${full.slice(0, half)} … [${full.length - 2 * half} chars] … ${full.slice(-half)}`;
  const blob = await corpus.putBlob(full, 'application/json');
  return { summary, events: events.length, blob };
}
