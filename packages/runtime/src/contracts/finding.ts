import type { JsonValue } from '@ratchet/corpus';

/**
 * An observation about a trace, tagged with where it came from. Steering accepts only findings whose
 * origin is the trace; a finding derived from a judge's verdict may be recorded, but never steers.
 */
export interface Finding {
  readonly claim: string;
  readonly evidence: JsonValue;
  readonly origin: 'trace' | 'judge';
}
