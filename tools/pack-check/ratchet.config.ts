// A typed config in a project outside the repository: defineConfig comes from the public @ratchet/config.
import { defineConfig } from '@ratchet/config';

export default defineConfig({
  environment: { kind: 'jsonl', path: './tasks.jsonl' },
  judge: { kind: 'numeric' },
  worker: { kind: 'command', command: 'node', args: ['agent.mjs', '{message}'] },
  arms: [
    { strategy: 'random', k: 2 },
    { strategy: 'refine', k: 2 },
  ],
});
