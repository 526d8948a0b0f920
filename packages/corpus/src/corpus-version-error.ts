import { CorpusError } from './corpus-error';

/** The corpus was written by a newer Ratchet: it is left untouched; upgrade to read it. */
export class CorpusVersionError extends CorpusError {
  readonly location: string;
  readonly found: number;
  readonly supported: number;

  constructor(options: { location: string; found: number; supported: number }) {
    super(
      `${options.location} has corpus schema version ${options.found}, but this Ratchet supports up to ${options.supported}; upgrade @ratchet/corpus to open it (the file was not modified)`,
    );
    this.name = 'CorpusVersionError';
    this.location = options.location;
    this.found = options.found;
    this.supported = options.supported;
  }

  static override isInstance(error: unknown): error is CorpusVersionError {
    return CorpusError.isInstance(error) && (error as Error).name === 'CorpusVersionError';
  }
}
