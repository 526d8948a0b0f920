import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// The solver thread and each built-in solver module are entries of their own: the pool loads the
// thread by file name next to index.js, and runners import a solver module by its URL
// (`builtInSolverUrl('dsl/solve-dsl')` → dist/dsl/solve-dsl.js).
export default defineConfig({
  ...packageBuild,
  entry: {
    index: 'src/index.ts',
    'solver-thread': 'src/solver-thread.ts',
    'dsl/solve-dsl': 'src/dsl/solve-dsl.ts',
    'sat/solve-sat': 'src/sat/solve-sat.ts',
  },
});
