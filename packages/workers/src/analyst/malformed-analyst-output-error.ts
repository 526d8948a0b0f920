import { RuntimeError } from '@ratchet/runtime';

/**
 * The analyst model answered, but not with findings in the required shape (not JSON, or not the
 * schema). Never read as "no findings": an unreadable answer is not a clean trace. `rawText` keeps the
 * answer for inspection; it is left out of the message because it may quote the task.
 */
export class MalformedAnalystOutputError extends RuntimeError {
  readonly model: string;
  readonly rawText: string;

  constructor(options: { model: string; rawText: string; reason: string; cause?: unknown }) {
    super(
      `llmAnalyst (${options.model}): the model's answer is not valid findings JSON (${options.reason}); ` +
        'the raw answer is on error.rawText. Try a model with structured-output support, or a larger budget',
      { cause: options.cause },
    );
    this.name = 'MalformedAnalystOutputError';
    this.model = options.model;
    this.rawText = options.rawText;
  }

  static override isInstance(error: unknown): error is MalformedAnalystOutputError {
    return RuntimeError.isInstance(error) && (error as Error).name === 'MalformedAnalystOutputError';
  }
}
