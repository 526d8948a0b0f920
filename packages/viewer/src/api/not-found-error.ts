/** A run, cell, blob or optimization the corpus does not hold: the API answers 404 with this message. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';

  constructor(what: string, id: string, corpusUrl: string) {
    super(`there is no ${what} "${id}" in ${corpusUrl}`);
  }

  /** Works across copies of this package, unlike `instanceof`. */
  static isInstance(error: unknown): error is NotFoundError {
    return error instanceof Error && error.name === 'NotFoundError';
  }
}
