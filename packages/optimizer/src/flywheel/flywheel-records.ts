import {
  type Corpus,
  type FlywheelRecord,
  flywheelRecordId,
  type JsonValue,
  recordSchemaVersion,
} from '@ratchet/corpus';
import type { FlywheelGeneration } from './flywheel-generation';
import type { FlywheelVerdict } from './flywheel-verdict';

/**
 * Writes a flywheel decision — a generation's result, or the verdict (generation null) — as a corpus
 * `flywheel` record, unless the corpus has it already: a resumed flywheel recomputes the same decision, and
 * the first record (with its first `createdAt`) stands.
 */
export async function recordDecision(
  corpus: Corpus,
  record: {
    flywheelId: string;
    benchmark: string;
    generation: number | null;
    decision: FlywheelGeneration | FlywheelVerdict;
  },
  now: () => Date = () => new Date(),
): Promise<void> {
  const recordId = flywheelRecordId(record.flywheelId, record.generation);
  const existing = await corpus.flywheelRecords({ flywheelId: record.flywheelId });
  if (existing.some((one) => one.recordId === recordId)) return;
  const row: FlywheelRecord = {
    kind: 'flywheel',
    schemaVersion: recordSchemaVersion,
    recordId,
    flywheelId: record.flywheelId,
    benchmark: record.benchmark,
    generation: record.generation,
    decision: JSON.parse(JSON.stringify(record.decision)) as JsonValue,
    createdAt: now().toISOString(),
  };
  await corpus.appendOptimizerRecords([row]);
}
