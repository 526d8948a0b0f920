#!/usr/bin/env node
// The entry point checks the Node.js version before anything else is loaded, then loads the CLI.
import { nodeVersionProblem } from './node-version';

const problem = nodeVersionProblem(process.versions.node);
if (problem !== null) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
// A separate file in dist (not bundled into this one), so none of its imports load before the check.
await import('./cli-main.js');
