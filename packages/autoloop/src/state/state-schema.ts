import { z } from 'zod';
import type { AutoloopState, IterationLogEntry } from '../autoloop-types';
import { AutoloopStateError } from './autoloop-state-error';

/** The `schema_version` this autoloop reads and writes. */
export const AUTOLOOP_STATE_VERSION = 1;

const decisionSchema = z.enum(['keep', 'reject', 'error']);
const isoTime = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();
const dollars = z.number().nonnegative();

/** One entry of `score_history`; loose so fields a newer version adds are kept on rewrite. */
export const scoreEntrySchema = z.looseObject({
  iteration: count,
  weighted_score: z.number().nullable(),
  decision: decisionSchema,
  candidate_id: z.string().nullable(),
  ci: z.tuple([z.number(), z.number()]).nullable(),
  target_hash: z.string().nullable(),
  spend_usd: dollars.nullable(),
});

/**
 * `autoloop_state.json`, the source of truth for `AutoloopState`. `looseObject`: a field an autoloop newer
 * than this one wrote is kept when this one reads and rewrites the state (a downgrade does not erase it).
 */
export const autoloopStateSchema = z.looseObject({
  schema_version: z.literal(AUTOLOOP_STATE_VERSION),
  target: z.string().min(1),
  iterations_completed: count,
  max_iterations: count,
  total_cost_usd: dollars,
  max_cost_usd: dollars.nullable(),
  score_history: z.array(scoreEntrySchema),
  plateau_counter: count,
  consecutive_errors: count,
  status: z.enum([
    'running',
    'completed',
    'stopped_max_iterations',
    'stopped_cost_cap',
    'stopped_plateau',
    'stopped_oscillation',
    'stopped_errors',
    'interrupted',
    'error',
  ]),
  stop_reason: z.string().nullable(),
  last_failure_trace: z.string().nullable(),
  next_run_at: isoTime.nullable(),
  started_at: isoTime,
  updated_at: isoTime,
});

const outcomeSchema = z.looseObject({
  decision: decisionSchema,
  candidateId: z.string().nullable(),
  targetHash: z.string().nullable(),
  score: z.looseObject({ estimate: z.number(), low: z.number(), high: z.number() }).nullable(),
  spendUsd: dollars.nullable(),
  cells: count,
  failure: z.string().nullable(),
  summary: z.string(),
});

/** One line of `iteration_log.jsonl`. */
export const iterationLogEntrySchema = z.looseObject({
  iteration: count,
  started_at: isoTime,
  ended_at: isoTime,
  orchestrator: z.string(),
  outcome: outcomeSchema,
  total_cost_usd: dollars,
});

/** The first zod issue as a field path and a message (never the value, which may be user data). */
export function firstIssue(error: z.ZodError): { field: string | null; message: string } {
  const issue = error.issues[0];
  if (issue === undefined) return { field: null, message: 'invalid' };
  const field = issue.path.length === 0 ? null : issue.path.map(String).join('.');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problems)` : '';
  return { field, message: `${issue.message}${more}` };
}

/** Refuses a version this autoloop cannot read, before the fields are looked at (a newer file may differ). */
function checkVersion(value: unknown, file: string): void {
  const version =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>).schema_version
      : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > AUTOLOOP_STATE_VERSION) {
    throw new AutoloopStateError({
      problem: 'newer_version',
      file,
      field: 'schema_version',
      detail: `schema_version ${version} was written by a newer autoloop; this one reads version ${AUTOLOOP_STATE_VERSION}`,
      action: 'upgrade @ratchet/autoloop to continue this loop (the file was not modified)',
    });
  }
  if (version !== AUTOLOOP_STATE_VERSION) {
    const found = version === undefined ? 'missing' : JSON.stringify(version);
    throw new AutoloopStateError({
      problem: 'bad_version',
      file,
      field: 'schema_version',
      detail: `schema_version is ${found}, expected ${AUTOLOOP_STATE_VERSION}`,
      action:
        'this is not an autoloop state this version can read: restore it from a backup, or move it away to start a new loop (the file was not modified)',
    });
  }
}

/**
 * Parses a state read from `file` (already JSON-decoded).
 * @throws AutoloopStateError naming the file and the field: `newer_version`, `bad_version` or `invalid`.
 */
export function parseAutoloopState(value: unknown, file: string): AutoloopState {
  checkVersion(value, file);
  const result = autoloopStateSchema.safeParse(value);
  if (result.success) return result.data;
  const { field, message } = firstIssue(result.error);
  throw new AutoloopStateError({
    problem: 'invalid',
    file,
    field,
    detail: `invalid autoloop state: ${message}`,
    action:
      'fix that field by hand, or restore the file from a backup; the loop does not reset a state it cannot read (the file was not modified)',
    cause: result.error,
  });
}

/** `parseAutoloopState` that returns its error instead of throwing it. */
export function safeParseAutoloopState(
  value: unknown,
  file: string,
): { success: true; state: AutoloopState } | { success: false; error: AutoloopStateError } {
  try {
    return { success: true, state: parseAutoloopState(value, file) };
  } catch (error) {
    if (AutoloopStateError.isInstance(error)) return { success: false, error };
    throw error;
  }
}

/** Parses one log line's JSON, read from `file` at `line` (1-based). @throws AutoloopStateError `invalid`. */
export function parseIterationLogEntry(value: unknown, file: string, line: number): IterationLogEntry {
  const result = iterationLogEntrySchema.safeParse(value);
  if (result.success) return result.data;
  const { field, message } = firstIssue(result.error);
  throw new AutoloopStateError({
    problem: 'invalid',
    file: `${file}:${line}`,
    field,
    detail: `invalid iteration log entry: ${message}`,
    action: 'fix or remove that line by hand (the file was not modified)',
    cause: result.error,
  });
}
