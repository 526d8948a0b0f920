import { CorpusError } from './corpus-error';

/** One problem found in a record: where (a field path) and what. */
export interface RecordIssue {
  path: string;
  message: string;
}

/** How much of an import was committed, and kept, before the line that stopped it. */
export interface ImportedBefore {
  /** Lines before the bad one (blank lines aside), every one of them written. */
  lines: number;
  /**
   * Records appended among them: attempts, cells, candidates, iterations, gate records, libraries and
   * flywheel records.
   */
  records: number;
}

interface InvalidRecordOptions {
  issues: RecordIssue[];
  line?: number;
  source?: string;
  what?: string;
  imported?: ImportedBefore;
  cause?: unknown;
}

function keptText(imported: ImportedBefore | undefined): string {
  if (imported === undefined) return '';
  if (imported.lines === 0) return '; nothing was imported: fix this line and import the file again';
  const lines = imported.lines === 1 ? '1 line' : `${imported.lines} lines`;
  const records = imported.records === 1 ? '1 record' : `${imported.records} records`;
  return `; the ${lines} before it (${records}) were imported and kept: fix this line and import the file again, and they are skipped as duplicates`;
}

/**
 * A record failed validation. Says where (the source and line for interchange files, the record id
 * when there is one), which fields are wrong and how, and never echoes the record's content. From an
 * import, also says how much was already imported and kept.
 */
export class InvalidRecordError extends CorpusError {
  readonly issues: RecordIssue[];
  readonly line: number | undefined;
  readonly source: string | undefined;
  /** Set when the record was a line of an import: what was committed before it. */
  readonly imported: ImportedBefore | undefined;
  readonly #options: InvalidRecordOptions;

  constructor(options: InvalidRecordOptions) {
    const where = [options.source, options.line === undefined ? undefined : `line ${options.line}`]
      .filter(Boolean)
      .join(', ');
    const listed = options.issues
      .slice(0, 5)
      .map((issue) => `${issue.path || '(record)'}: ${issue.message}`)
      .join('; ');
    const more = options.issues.length > 5 ? `; and ${options.issues.length - 5} more` : '';
    super(
      `${where ? `${where}: ` : ''}invalid ${options.what ?? 'record'}: ${listed}${more}${keptText(options.imported)}`,
      {
        cause: options.cause,
      },
    );
    this.name = 'InvalidRecordError';
    this.issues = options.issues;
    this.line = options.line;
    this.source = options.source;
    this.imported = options.imported;
    this.#options = options;
  }

  /** The same error, saying how much of the import was committed before the bad line. */
  withImported(imported: ImportedBefore): InvalidRecordError {
    return new InvalidRecordError({ ...this.#options, imported });
  }

  static override isInstance(error: unknown): error is InvalidRecordError {
    return CorpusError.isInstance(error) && (error as Error).name === 'InvalidRecordError';
  }
}
