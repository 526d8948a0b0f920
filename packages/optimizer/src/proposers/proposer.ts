import type { CheckResult, JsonValue, Output, Steer } from '@ratchet/corpus';
import type { ControllerParameters } from '@ratchet/runtime';
import type { Rng } from '@ratchet/stats';
import type { z } from 'zod';
import type { Candidate } from '../candidate';

/**
 * One attempt of the parent on a minibatch task, as a reflective proposer may read it: the steer it was
 * given, its output, its deployable checks, its trace summary and failure. No verdict: only the
 * pass/fail `score` of the cell (a train label, docs/design.md rule 1) — never verdict text that names the answer.
 */
export interface ReflectiveAttempt {
  readonly attempt: number;
  readonly steer: Steer | null;
  readonly output: Output | null;
  readonly checks: readonly CheckResult[];
  readonly traceSummary: string | null;
  readonly failure: { readonly reason: string; readonly message: string } | null;
}

/** One minibatch task the parent ran: the task input, its attempts, and the cell's score on the objective that drives the search. */
export interface ReflectiveExample {
  readonly taskId: string;
  readonly input: JsonValue;
  readonly attempts: readonly ReflectiveAttempt[];
  /** The cell's score on the search objective, higher is better (a reflection prompt says so); null: not measured. */
  readonly score: number | null;
}

/** What a proposal cost: calls made, tokens and dollars where measured (null: not measured, never 0). */
export interface ProposerUsage {
  readonly calls: number;
  readonly tokensIn: number | null;
  readonly tokensOut: number | null;
  readonly usd: number | null;
  /** `none`: no model was called (a parametric step costs nothing, measured exactly). */
  readonly costProvenance: 'measured' | 'estimated' | 'unknown' | 'none';
}

/** The usage of a proposal that called no model. */
export const noProposerUsage: ProposerUsage = Object.freeze({
  calls: 0,
  tokensIn: 0,
  tokensOut: 0,
  usd: 0,
  costProvenance: 'none',
});

export interface ProposalRequest {
  readonly parent: Candidate;
  /** The component (top-level parameter key) to rewrite. */
  readonly component: string;
  /** The family's controller schema: a proposal must pass it. */
  readonly schema: z.ZodType;
  /** The parent's minibatch attempts; empty for a proposer that is not reflective. */
  readonly examples: readonly ReflectiveExample[];
  /** Hashes already rejected for this parent: proposing one again costs no evaluation and is `repeated`. */
  readonly rejected: ReadonlySet<string>;
  /** This proposal's seeded stream. */
  readonly random: Rng;
  readonly signal?: AbortSignal;
}

/**
 * A proposer's answer: new parameters for the whole controller (the parent's with one component
 * rewritten), or a refusal found before any evaluation (schema, length, truncation) with its reason.
 */
export type ProposalResult =
  | {
      readonly kind: 'proposal';
      readonly parameters: ControllerParameters;
      readonly note: string;
      readonly usage: ProposerUsage;
    }
  | { readonly kind: 'invalid'; readonly reason: string; readonly usage: ProposerUsage };

/** Writes a new candidate from a parent: the contract the GEPA loop calls each iteration. */
export interface Proposer {
  readonly id: string;
  /** Whether it reads the parent's minibatch attempts (the loop then gathers them from the corpus). */
  readonly reflective: boolean;
  /** Most components worth rewriting; default: every component of the parent. */
  components?(parent: Candidate): readonly string[];
  propose(request: ProposalRequest): Promise<ProposalResult>;
}

/** Two candidates with a common ancestor, and their val scores: what a merge combines. */
export interface MergeRequest {
  readonly ancestor: Candidate;
  readonly left: Candidate;
  readonly right: Candidate;
  /** Mean val scores (scalarized), used where both sides changed a component. */
  readonly scores: { readonly left: number; readonly right: number };
}

export type MergeResult =
  | {
      readonly kind: 'proposal';
      readonly parameters: ControllerParameters;
      readonly note: string;
      /** Components where the merge differs from `left`, its first parent (what `Candidate.changed` records). */
      readonly changed: readonly string[];
    }
  | { readonly kind: 'invalid'; readonly reason: string };
