// The older import path, kept as an alias of @ratchet/config.
import { defineConfig } from '@ratchet/bench/config';

export default defineConfig({
  environment: { kind: 'jsonl', path: './tasks.jsonl' },
  judge: { kind: 'numeric' },
  worker: { kind: 'command', command: 'node', args: ['agent.mjs', '{message}'] },
});
