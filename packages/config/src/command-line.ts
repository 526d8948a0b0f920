/** A shell-safe rendering of an argument, for the commands Ratchet tells you to run. */
export function shellQuote(argument: string): string {
  return /^[\w@%+=:,./-]+$/.test(argument) ? argument : `'${argument.replaceAll("'", "'\\''")}'`;
}

/** This command line as the user can type it again (for resume hints). */
export function commandLineOf(invocation: string, argv: readonly string[]): string {
  return [invocation, ...argv.map(shellQuote)].join(' ');
}
