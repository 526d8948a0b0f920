import type { Options } from 'tsup';

/** The one build configuration every package shares: ESM, types, sourcemaps, dependencies external. */
export const packageBuild: Options = {
  entry: ['src/index.ts'],
  format: ['esm'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node22',
  platform: 'node',
  splitting: false,
  treeshake: true,
  // Keep `node:` in imports: prefix-only built-ins such as `node:sqlite` do not resolve without it.
  removeNodeProtocol: false,
};
