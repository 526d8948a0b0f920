/** The oldest Node.js the CLI runs on (its dependencies use Set methods and other Node 22 APIs). */
export const minimumNode = { major: 22, minor: 13 } as const;

/**
 * What to tell someone running the CLI on a Node.js that is too old, or null when it is new enough.
 * It imports nothing, so the check runs before any dependency is loaded: under Node 20 the CLI's
 * dependencies fail at import with errors that say nothing about the version.
 *
 * @example
 * nodeVersionProblem('20.19.0'); // => 'ratchet needs Node.js 22.13 or newer; this is Node.js 20.19.0. …'
 * nodeVersionProblem('24.1.0'); // => null
 */
export function nodeVersionProblem(version: string): string | null {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major > minimumNode.major || (major === minimumNode.major && minor >= minimumNode.minor)) return null;
  return `ratchet needs Node.js ${minimumNode.major}.${minimumNode.minor} or newer; this is Node.js ${version}. From a clone of the repository, run it through the pinned toolchain, which brings Node 24: npm run ratchet -- <command>. Installed: upgrade Node.js (for example with nvm install 24).`;
}
