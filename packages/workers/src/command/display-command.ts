/** Arguments longer than this are shown by length only: they are usually the prompt. */
const maxShownArgChars = 80;

/**
 * A command line for logs and error messages, quoted for a POSIX shell, with long arguments (the
 * prompt, as a rule) replaced by their length so user data stays out of errors.
 *
 * @example
 * displayCommand('claude', ['-p', '{message}', '--verbose']) // => "claude -p '{message}' --verbose"
 */
export function displayCommand(command: string, args: readonly string[]): string {
  return [command, ...args]
    .map((arg) => (arg.length > maxShownArgChars ? `<${arg.length} chars>` : quote(arg)))
    .join(' ');
}

function quote(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
