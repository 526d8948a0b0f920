import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.base';

// The server only: the browser app under src/app is built by Vite into dist/app (see vite.config.ts).
export default defineConfig({ ...packageBuild, entry: { index: 'src/index.ts' } });
