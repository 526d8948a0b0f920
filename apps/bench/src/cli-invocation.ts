/**
 * How the user called the CLI, for the commands Ratchet tells them to run next: from a clone through
 * npm (`npm run ratchet --`, `npm run demo`), or installed (`ratchet`).
 */
export function cliInvocation(): string {
  return process.env.npm_lifecycle_event ? 'npm run ratchet --' : 'ratchet';
}
