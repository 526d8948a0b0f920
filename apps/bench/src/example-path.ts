import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The path of an example shipped with a package, as the user should type it from the working
 * directory: `apps/bench/examples/sat.config.json` in a clone, `node_modules/@ratchet/bench/examples/…`
 * in a project that installed Ratchet. Hints printed with a fixed repository path do not run where
 * the CLI was installed rather than cloned.
 *
 * @param pkg - `@ratchet/bench` (this package) or a package it depends on, e.g. `@ratchet/autoloop`.
 * @param file - the path inside the package's `examples` folder.
 */
export function examplePath(pkg: string, file: string, cwd = process.cwd()): string {
  const root = packageRoot(pkg);
  const path = join(root, 'examples', file);
  const shown = relative(cwd, path);
  return shown === '' || shown.startsWith('..') || isAbsolute(shown) ? path : shown;
}

function packageRoot(pkg: string): string {
  // This file is `src/example-path.ts` or bundled into `dist/*.js`: either way one level below the root.
  const here = dirname(fileURLToPath(import.meta.url));
  if (pkg === '@ratchet/bench') return dirname(here);
  let dir = dirname(fileURLToPath(import.meta.resolve(pkg)));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
