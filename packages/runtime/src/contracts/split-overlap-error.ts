import { RuntimeError } from './runtime-error';

/** A task id appears in two splits (docs/design.md rule 6: train, val and holdout never overlap). */
export class SplitOverlapError extends RuntimeError {
  readonly overlaps: ReadonlyArray<{ taskId: string; splits: readonly string[] }>;

  constructor(source: string, overlaps: ReadonlyArray<{ taskId: string; splits: readonly string[] }>) {
    const listed = overlaps
      .slice(0, 5)
      .map((overlap) => `"${overlap.taskId}" (${overlap.splits.join(', ')})`)
      .join(', ');
    const more = overlaps.length > 5 ? ` and ${overlaps.length - 5} more` : '';
    super(
      `${source}: ${overlaps.length} task id(s) appear in more than one split: ${listed}${more}. Train, val and holdout must never overlap; give each task one split`,
    );
    this.name = 'SplitOverlapError';
    this.overlaps = overlaps;
  }

  static override isInstance(error: unknown): error is SplitOverlapError {
    return RuntimeError.isInstance(error) && (error as Error).name === 'SplitOverlapError';
  }
}
