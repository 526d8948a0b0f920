/**
 * A command that already said everything on the terminal and only needs its exit code (the autoloop's 1
 * or 130): the CLI's error handler exits with `code` and prints nothing more.
 */
export class CommandExitError extends Error {
  readonly code: number;

  constructor(code: number) {
    super(`exit code ${code}`);
    this.name = 'CommandExitError';
    this.code = code;
  }
}
