import { UsageError } from './usage-error';

/** One thing wrong in a config file: the field, its line when known, and what is allowed. */
export interface ConfigProblem {
  readonly field: string;
  readonly line?: number;
  readonly message: string;
}

/** A config file that cannot be used: every problem, each with its field (and line for JSON files). */
export class ConfigError extends UsageError {
  readonly file: string;
  readonly problems: readonly ConfigProblem[];

  constructor(file: string, problems: readonly ConfigProblem[], options?: { cause?: unknown }) {
    const lines = problems.map(
      (problem) =>
        `  ${problem.field || '(top level)'}${problem.line === undefined ? '' : ` (line ${problem.line})`}: ${problem.message}`,
    );
    super(
      `${file} is not a valid ratchet configuration:\n${lines.join('\n')}\nEvery field is described under "Configuration" in the ratchet README (apps/bench/README.md).`,
      options,
    );
    this.name = 'ConfigError';
    this.file = file;
    this.problems = problems;
  }
}
