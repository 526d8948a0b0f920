import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * The folder Vite built the browser app into: `dist/app` of this package, found from this module's
 * location whether it runs built (`dist/index.js`) or from sources (`src/…`, in tests and `tsx`).
 */
export function defaultAppDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@ratchet/viewer') {
      return join(dir, 'dist', 'app');
    }
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), 'app');
}

/** The browser app's files, read from its folder: `index.html` and the hashed files under `assets/`. */
export class AppAssets {
  readonly #dir: string;

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** The app's page, or null when the app was not built (the API still answers). */
  async indexHtml(): Promise<string | null> {
    try {
      return await readFile(join(this.#dir, 'index.html'), 'utf8');
    } catch {
      return null;
    }
  }

  /** A built file under `assets/` by name; only a plain file name is looked up, never a path. */
  async asset(name: string): Promise<{ body: Uint8Array; contentType: string } | null> {
    if (name !== basename(name) || name.startsWith('.')) return null;
    try {
      const body = await readFile(join(this.#dir, 'assets', name));
      return { body, contentType: contentTypes[extname(name)] ?? 'application/octet-stream' };
    } catch {
      return null;
    }
  }

  get dir(): string {
    return this.#dir;
  }
}
