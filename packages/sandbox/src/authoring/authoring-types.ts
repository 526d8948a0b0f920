import type { LanguageModel } from 'ai';
import type { StrategyProgram } from '../strategy-program';

/** A program shown to the model as an example: a built-in strategy, or a certified program from the corpus. */
export interface AuthoringExample {
  readonly name: string;
  readonly source: string;
  /** What is known of it, e.g. "built-in" or "certified: its cells beat random@4 by +12 points on dsl". */
  readonly note: string;
}

/** The outcome of a smoke run of a compiled draft on a few tasks. */
export type SmokeResult = { readonly ok: true; readonly note: string } | { readonly ok: false; readonly error: string };

/** One draft the model wrote, and what became of it. */
export interface AuthoringDraft {
  readonly round: number;
  readonly outcome: 'accepted' | 'rejected' | 'compile-error' | 'smoke-failed';
  /** Why it was refused (the text sent back for revision); for an accepted draft, the smoke run's note. */
  readonly message: string;
  /** The program's source, when the answer held one. */
  readonly source: string | null;
}

/** Tokens the model calls used (null where the provider did not say). */
export interface AuthoringUsage {
  readonly calls: number;
  readonly tokensIn: number | null;
  readonly tokensOut: number | null;
}

export interface AuthorStrategyOptions {
  readonly model: LanguageModel;
  /** Programs to learn from: the built-ins as sandbox programs, and certified programs from the corpus. */
  readonly examples: readonly AuthoringExample[];
  /** What to write: the goal, and what is known of the tasks (e.g. a parent program's failures). */
  readonly goal: string;
  /** Revisions after the first draft: a refused draft is sent back with its error, up to this many times. */
  readonly rounds: number;
  /** Per call: most output tokens (default 4096); in all: most tokens in and out (default: no cap). */
  readonly budget?: { readonly maxOutputTokens?: number; readonly maxTotalTokens?: number };
  /** Longest program accepted (default 20,000 characters). */
  readonly maxSourceChars?: number;
  /** Compiles a draft in the sandbox; throws with a message that says what is wrong (line, column). */
  readonly compile: (source: string) => Promise<StrategyProgram>;
  /** Runs a compiled draft on a few tasks (e.g. `sim`): a program failure or no attempt is `ok: false`. */
  readonly smoke: (program: StrategyProgram) => Promise<SmokeResult>;
  /** The strategy API as the model is told it. */
  readonly reference: string;
  readonly signal?: AbortSignal;
}

export type AuthoringResult =
  | {
      readonly kind: 'program';
      readonly program: StrategyProgram;
      readonly drafts: readonly AuthoringDraft[];
      readonly usage: AuthoringUsage;
    }
  | {
      readonly kind: 'failed';
      readonly reason: string;
      readonly drafts: readonly AuthoringDraft[];
      readonly usage: AuthoringUsage;
    };
