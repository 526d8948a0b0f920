import { DslError } from './dsl-error';

/**
 * A program's source text is not in the dsl language. Says what was expected, where, and shows the
 * start of what was received with an example of valid source.
 */
export class DslParseError extends DslError {
  /** Character offset where parsing stopped. */
  readonly position: number;

  constructor(options: { problem: string; source: string; position: number }) {
    const shown = options.source.length > 80 ? `${options.source.slice(0, 80)}…` : options.source;
    super(
      `cannot parse dsl program at character ${options.position}: ${options.problem}. ` +
        `Received ${JSON.stringify(shown)}; expected e.g. "(sum (map (* 2) (filter even xs)))"`,
    );
    this.name = 'DslParseError';
    this.position = options.position;
  }

  static override isInstance(error: unknown): error is DslParseError {
    return DslError.isInstance(error) && (error as Error).name === 'DslParseError';
  }
}
