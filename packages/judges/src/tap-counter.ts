import { Parser } from 'tap-parser';
import type { TestCounts } from './test-counts';

/** Longest line kept; the rest of a longer line is dropped, so output without newlines cannot exhaust memory. */
const maxLineChars = 65_536;

/** A top-level TAP line that shows the stream is TAP: a version, a plan or a test point. */
const tapLine = /^(?:TAP version \d+|1\.\.\d+|(?:not )?ok\b)/;

/** What a TAP stream said. */
export interface TapSummary {
  /** False when no top-level version, plan or test point appeared: there was no TAP to read. */
  sawTap: boolean;
  /** Test points by outcome; points the plan promised but never reported count as failed. */
  counts: TestCounts;
  /** The number of tests the plan announced, or null without a plan. */
  planned: number | null;
  /** The reason given by `Bail out!`, true for a bare bail-out, false when there was none. */
  bailout: string | boolean;
}

/**
 * Counts a TAP stream (TAP 13/14 as tap-parser reads it) fed chunk by chunk, so a report longer than
 * the output cap is still counted whole. Top-level test points count; a subtest counts once, through
 * the point that closes it. Skipped and todo points count as skipped.
 */
export class TapCounter {
  readonly #parser = new Parser();
  readonly #decoder = new TextDecoder();
  readonly #counts: TestCounts = { passed: 0, failed: 0, skipped: 0 };
  #planned: number | null = null;
  #pendingLine = '';
  #sawTap = false;

  constructor() {
    this.#parser.on('assert', (result: { ok: boolean; skip: unknown; todo: unknown }) => {
      if (result.skip !== false || result.todo !== false) this.#counts.skipped++;
      else if (result.ok) this.#counts.passed++;
      else this.#counts.failed++;
    });
    // tap-parser invents a `1..0` plan for a stream without one, so only a plan line actually seen counts.
    this.#parser.on('plan', (plan: { start: number; end: number }) => {
      this.#planned = plan.end - plan.start + 1;
    });
  }

  write(chunk: Uint8Array): void {
    this.#feed(this.#decoder.decode(chunk, { stream: true }));
  }

  end(): TapSummary {
    this.#feed(this.#decoder.decode());
    if (this.#pendingLine !== '') this.#line(this.#pendingLine);
    this.#parser.end();
    const planned = this.#sawTap && this.#planned !== null && this.#planned >= 0 ? this.#planned : null;
    const reported = this.#counts.passed + this.#counts.failed + this.#counts.skipped;
    const missing = planned === null ? 0 : Math.max(0, planned - reported);
    return {
      sawTap: this.#sawTap,
      counts: { ...this.#counts, failed: this.#counts.failed + missing },
      planned: this.#sawTap ? planned : null,
      bailout: this.#parser.bailedOut,
    };
  }

  #feed(text: string): void {
    const pieces = text.split('\n');
    for (let i = 0; i < pieces.length; i++) {
      const room = maxLineChars - this.#pendingLine.length;
      if (room > 0) this.#pendingLine += (pieces[i] as string).slice(0, room);
      if (i < pieces.length - 1) {
        this.#line(this.#pendingLine);
        this.#pendingLine = '';
      }
    }
  }

  #line(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (!this.#sawTap && tapLine.test(line)) this.#sawTap = true;
    this.#parser.write(`${line}\n`);
  }
}
