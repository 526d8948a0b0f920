import { RecordUpgradeError } from './record-upgrade-error';

type Body = Record<string, unknown>;

const isBody = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);

const stopToken = /stopReason=(completed|signal|spend-cap)/;

/**
 * The try a v1 attempt id encodes (`<cellId>/t<try>/a<attempt>`, as the v1 runtime wrote it), else 0.
 * Schema 1 had no other record of the try; from schema 2 on it is a field and ids are opaque.
 */
function tryOfV1Id(id: unknown): number {
  const match = typeof id === 'string' ? /\/t(\d+)\/a\d+$/.exec(id) : null;
  return match ? Number(match[1]) : 0;
}

const withWorkUnits = (usage: unknown) => (isBody(usage) ? { ...usage, workUnits: null } : usage);

function upgradeManifest(v1: Body): Body {
  const { notes, ...rest } = v1;
  const noted = typeof notes === 'string' ? stopToken.exec(notes) : null;
  const remaining = typeof notes === 'string' ? (noted ? notes.replace(noted[0], '').trim() : notes) : undefined;
  return {
    ...rest,
    schemaVersion: 2,
    plannedCells: null,
    stopReason: noted ? noted[1] : v1.status === 'completed' ? 'completed' : null,
    ...(remaining === undefined || remaining.length === 0 ? {} : { notes: remaining }),
  };
}

function upgradeAttempt(v1: Body): Body {
  return { ...v1, schemaVersion: 2, try: tryOfV1Id(v1.recordId), failure: null, usage: withWorkUnits(v1.usage) };
}

function upgradeCell(v1: Body, location: string | undefined): Body {
  if (v1.chosenBy === 'oracle') {
    throw new RecordUpgradeError({
      recordKind: 'cell',
      id: typeof v1.cellId === 'string' ? v1.cellId : '(no cellId)',
      field: 'chosenBy',
      reason:
        "its final output was chosen by 'oracle' (the best judge verdict across its attempts), which docs/design.md rule 2 forbids as a result, so schema 2 has no way to record it; remove that cell record (its attempts can stay) and resume its run to redo the cell",
      ...(location === undefined ? {} : { location }),
    });
  }
  const attemptIds = Array.isArray(v1.attemptIds) ? v1.attemptIds : [];
  return {
    ...v1,
    schemaVersion: 2,
    try: attemptIds.reduce((highest: number, id) => Math.max(highest, tryOfV1Id(id)), 0),
    spend: withWorkUnits(v1.spend),
  };
}

/**
 * Brings one record written under record schema 1 (a store body or an interchange line, as
 * `ratchet corpus export` wrote it) to schema 2; the one upgrade every store and `importJsonl` use.
 * Manifests get `stopReason` from the `stopReason=…` token v1 wrote into `notes` (the token is removed,
 * and `notes` with it when nothing else is left; without a token, `'completed'` for a completed run,
 * else null) and `plannedCells: null`; attempts get `try` from their id, `failure: null` and
 * `usage.workUnits: null`; cells get `try` (the highest among their attempts) and `spend.workUnits: null`.
 * Anything else (a current record, a blob line, a value that is no record) comes back as it was, for
 * the schema to judge; the result is not validated.
 *
 * @param location where the record is read from, for the error message.
 * @throws {RecordUpgradeError} for a v1 cell chosen by `'oracle'`: it cannot be recorded honestly.
 * @example
 * upgradeRecord({ kind: 'attempt', schemaVersion: 1, recordId: 'run-1/random/t1/0/t1/a0', usage: { … }, … });
 * // => { kind: 'attempt', schemaVersion: 2, recordId: …, try: 1, failure: null, usage: { …, workUnits: null }, … }
 */
export function upgradeRecord(value: unknown, location?: string): unknown {
  if (!isBody(value) || value.schemaVersion !== 1) return value;
  switch (value.kind) {
    case 'manifest':
      return upgradeManifest(value);
    case 'attempt':
      return upgradeAttempt(value);
    case 'cell':
      return upgradeCell(value, location);
    default:
      return value;
  }
}
