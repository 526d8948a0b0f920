import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

export default defineConfig({
  ...packageBuild,
  entry: { index: 'src/index.ts', cli: 'src/cli.ts', 'cli-main': 'src/cli-main.ts', config: 'src/config/index.ts' },
  // The entry checks the Node.js version, then loads cli-main.js: kept a separate file so its imports wait.
  external: ['./cli-main.js'],
});
