// The calibration simulator (not a benchmark): refine@4 has a planted +0.15 effect on its success
// probability, so a correct analysis finds it; random@4 has none. A typed config: defineConfig checks it.
import { defineConfig } from '@ratchet/config';

export default defineConfig({
  environment: { kind: 'sim', count: 200, seed: 0, effects: { 'refine@4': 0.15 } },
  arms: [
    { strategy: 'random', k: 4 },
    { strategy: 'refine', k: 4 },
  ],
  seed: 3,
});
