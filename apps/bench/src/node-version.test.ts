import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from './node-version';

describe('nodeVersionProblem', () => {
  it('says what to run on a Node.js older than 22.13, and nothing on a newer one', () => {
    expect(nodeVersionProblem('20.19.2')).toBe(
      'ratchet needs Node.js 22.13 or newer; this is Node.js 20.19.2. From a clone of the repository, run it through the pinned toolchain, which brings Node 24: npm run ratchet -- <command>. Installed: upgrade Node.js (for example with nvm install 24).',
    );
    expect(nodeVersionProblem('22.12.0')).toMatch(/^ratchet needs Node\.js 22\.13/);
    expect(nodeVersionProblem('22.13.0')).toBeNull();
    expect(nodeVersionProblem('24.21.0')).toBeNull();
  });
});
