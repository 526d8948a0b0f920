import { CorpusError } from './corpus-error';

/** One problem found in a record: where (a field path) and what. */
export interface RecordIssue {
  path: string;
  message: string;
}

/**
 * A record failed validation. Says where (the source and line for interchange files, the record id
 * when there is one), which fields are wrong and how, and never echoes the record's content.
 */
export class InvalidRecordError extends CorpusError {
  readonly issues: RecordIssue[];
  readonly line: number | undefined;
  readonly source: string | undefined;

  constructor(options: { issues: RecordIssue[]; line?: number; source?: string; what?: string; cause?: unknown }) {
    const where = [options.source, options.line === undefined ? undefined : `line ${options.line}`]
      .filter(Boolean)
      .join(', ');
    const listed = options.issues
      .slice(0, 5)
      .map((issue) => `${issue.path || '(record)'}: ${issue.message}`)
      .join('; ');
    const more = options.issues.length > 5 ? `; and ${options.issues.length - 5} more` : '';
    super(`${where ? `${where}: ` : ''}invalid ${options.what ?? 'record'}: ${listed}${more}`, {
      cause: options.cause,
    });
    this.name = 'InvalidRecordError';
    this.issues = options.issues;
    this.line = options.line;
    this.source = options.source;
  }

  static override isInstance(error: unknown): error is InvalidRecordError {
    return CorpusError.isInstance(error) && (error as Error).name === 'InvalidRecordError';
  }
}
