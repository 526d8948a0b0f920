/**
 * How the user called the CLI, for the commands Ratchet tells them to run next: from a clone through
 * the root package's scripts (`npm run ratchet -- …`, `npm run demo`), or installed (`ratchet`).
 */
export function cliInvocation(): string {
  const script = process.env.npm_lifecycle_event;
  return script === 'ratchet' || script === 'demo' ? 'npm run ratchet --' : 'ratchet';
}
