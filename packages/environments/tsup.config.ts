import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// The solver thread is its own entry: the pool loads it by file name next to index.js.
export default defineConfig({
  ...packageBuild,
  entry: { index: 'src/index.ts', 'solver-thread': 'src/solver-thread.ts' },
});
