import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A user's module's default export: a config or a strategy, in JavaScript or TypeScript (loaded
 * through tsx). A `.cts` file is compiled as CommonJS, so its default export arrives wrapped once
 * more; it is unwrapped here.
 *
 * A `.ts` file outside an ESM package (a folder after `npm init -y`) would be compiled as CommonJS
 * too, and its imports then resolved as `require`s: `import { defineConfig } from '@ratchet/config'`
 * fails there, since every Ratchet package (and many of their dependencies) exports for `import`
 * only. Such a file is loaded from a copy beside it named `.mts`, which is ESM whatever the package
 * says, so its imports resolve as they read; the copy is removed once loaded.
 *
 * @throws whatever loading the module throws (a missing file, a syntax error): callers say where.
 */
export async function importDefault(file: string): Promise<unknown> {
  let module: { default?: unknown };
  if (/\.[cm]?ts$/.test(file)) {
    const { tsImport } = await import('tsx/esm/api');
    if (file.endsWith('.ts') && !inEsmPackage(file)) {
      const copy = join(dirname(file), `.${basename(file)}.${randomUUID().slice(0, 8)}.mts`);
      await copyFile(file, copy);
      try {
        module = await tsImport(pathToFileURL(copy).href, import.meta.url);
      } catch (error) {
        throw namingTheOriginal(error, copy, file);
      } finally {
        await rm(copy, { force: true });
      }
    } else {
      module = await tsImport(pathToFileURL(file).href, import.meta.url);
    }
  } else {
    module = await import(pathToFileURL(file).href);
  }
  const wrapped = module.default as { __esModule?: boolean; default?: unknown } | undefined;
  return wrapped !== null && typeof wrapped === 'object' && Object.hasOwn(wrapped, '__esModule')
    ? wrapped.default
    : wrapped;
}

/** Whether the nearest package.json above the file says `"type": "module"` (what makes `.ts` ESM). */
function inEsmPackage(file: string): boolean {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type === 'module';
      } catch {
        return false; // Node treats an unreadable package.json's scope as CommonJS too
      }
    }
    if (dirname(dir) === dir) return false;
  }
}

/** A loading error that names the user's file rather than the `.mts` copy it came from. */
function namingTheOriginal(error: unknown, copy: string, file: string): unknown {
  if (!(error instanceof Error)) return error;
  const rename = (text: string | undefined) =>
    text?.split(pathToFileURL(copy).href).join(pathToFileURL(file).href).split(copy).join(file);
  error.message = rename(error.message) ?? error.message;
  if (error.stack !== undefined) error.stack = rename(error.stack) ?? error.stack;
  return error;
}
