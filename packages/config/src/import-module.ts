import { pathToFileURL } from 'node:url';

/**
 * A user's module's default export: a config or a strategy, in JavaScript or TypeScript (loaded
 * through tsx). A `.ts` file outside an ESM package is compiled as CommonJS, so its default export
 * arrives wrapped once more; it is unwrapped here.
 *
 * @throws whatever loading the module throws (a missing file, a syntax error): callers say where.
 */
export async function importDefault(file: string): Promise<unknown> {
  const url = pathToFileURL(file).href;
  let module: { default?: unknown };
  if (/\.[cm]?ts$/.test(file)) {
    const { tsImport } = await import('tsx/esm/api');
    module = await tsImport(url, import.meta.url);
  } else {
    module = await import(url);
  }
  const wrapped = module.default as { __esModule?: boolean; default?: unknown } | undefined;
  return wrapped !== null && typeof wrapped === 'object' && Object.hasOwn(wrapped, '__esModule')
    ? wrapped.default
    : wrapped;
}
