import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { resolveStoreUrl } from '@ratchet/corpus';
import { findNodeAtLocation, getNodeValue, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { z } from 'zod';
import { ConfigError, type ConfigProblem } from './config-error';
import { importDefault } from './import-module';
import { type RatchetConfig, ratchetConfigSchema } from './ratchet-config';
import { UsageError } from './usage-error';

/** The file names `ratchet run` looks for, in order, when no config is named. */
export const configFileNames = [
  'ratchet.config.ts',
  'ratchet.config.mts',
  'ratchet.config.js',
  'ratchet.config.mjs',
  'ratchet.config.json',
] as const;

export interface LoadedConfig {
  /** The config file, absolute. */
  readonly file: string;
  /** The validated configuration, with paths made absolute against the file's folder. */
  readonly config: RatchetConfig;
}

/**
 * Finds, reads and validates a config file: `.json` (comments and trailing commas allowed; problems
 * name their line) or `.ts`/`.js` with a default export (TypeScript loaded through tsx).
 *
 * @param command - the `ratchet` command that wants it (`validate`), named in the error when there is none.
 * @throws {UsageError} when there is no such file; {ConfigError} naming every bad field.
 */
export async function loadConfig(
  path: string | undefined,
  cwd = process.cwd(),
  command = 'run',
): Promise<LoadedConfig> {
  const file = path === undefined ? findConfig(cwd, command) : resolve(cwd, path);
  if (!existsSync(file)) {
    throw new UsageError(`there is no config file at ${file}; pass the path of a ratchet.config.ts or .json`);
  }
  const { value, lineOf } = extname(file) === '.json' ? await readJsonConfig(file) : await importConfig(file);
  const parsed = ratchetConfigSchema.safeParse(value);
  if (!parsed.success) throw new ConfigError(file, problemsOf(parsed.error, lineOf));
  return { file, config: withAbsolutePaths(parsed.data, dirname(file)) };
}

function findConfig(cwd: string, command: string): string {
  for (const name of configFileNames) {
    const candidate = join(cwd, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new UsageError(
    `no config file in ${cwd} (looked for ${configFileNames.join(', ')}); pass the path of one (\`ratchet ${command} my.config.json\`), write a starter here with \`ratchet init\`, or try \`ratchet demo\``,
  );
}

type LineOf = (path: ReadonlyArray<PropertyKey>) => number | undefined;

async function readJsonConfig(file: string): Promise<{ value: unknown; lineOf: LineOf }> {
  const text = await readFile(file, 'utf8');
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  if (errors.length > 0 || tree === undefined) {
    throw new ConfigError(
      file,
      errors.slice(0, 5).map((error) => ({
        field: '(syntax)',
        line: lineAt(error.offset),
        message: `${printParseErrorCode(error.error)} at column ${error.offset - text.lastIndexOf('\n', error.offset - 1)}`,
      })),
    );
  }
  const value: unknown = getNodeValue(tree);
  const lineOf: LineOf = (path) => {
    for (let length = path.length; length >= 0; length--) {
      const node = findNodeAtLocation(tree, path.slice(0, length) as Array<string | number>);
      if (node) return lineAt(node.parent?.type === 'property' ? node.parent.offset : node.offset);
    }
    return undefined;
  };
  return { value, lineOf };
}

async function importConfig(file: string): Promise<{ value: unknown; lineOf: LineOf }> {
  let value: unknown;
  try {
    value = await importDefault(file);
  } catch (cause) {
    throw new ConfigError(
      file,
      [{ field: '(file)', message: `could not be loaded: ${(cause as Error)?.message ?? String(cause)}` }],
      { cause },
    );
  }
  if (value === undefined) {
    throw new ConfigError(file, [
      { field: '(file)', message: 'has no default export; end it with `export default defineConfig({ … })`' },
    ]);
  }
  return { value, lineOf: () => undefined };
}

function problemsOf(error: z.ZodError, lineOf: LineOf): ConfigProblem[] {
  return error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = keys.length === 1 ? [...issue.path, keys[0] as string] : issue.path;
    const line = lineOf(path);
    const message =
      issue.code === 'unrecognized_keys'
        ? `${keys.map((key) => `"${key}"`).join(', ')} ${keys.length === 1 ? 'is not a known field' : 'are not known fields'}${
            issue.path.length === 0
              ? `; known fields: ${Object.keys(ratchetConfigSchema.shape)
                  .filter((key) => key !== '$schema')
                  .join(', ')}`
              : ''
          }`
        : issue.message;
    return { field: fieldName(path), ...(line === undefined ? {} : { line }), message };
  });
}

/** `arms[1].k` for ['arms', 1, 'k']. */
export function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function withAbsolutePaths(config: RatchetConfig, dir: string): RatchetConfig {
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(dir, path));
  const { environment, worker, store } = config;
  return {
    ...config,
    arms: config.arms.map((arm) =>
      typeof arm.parameters === 'string' ? { ...arm, parameters: absolute(arm.parameters) } : arm,
    ),
    ...(store === undefined ? {} : { store: resolveStoreUrl(store, dir) }),
    ...(environment.kind === 'task-directory' || environment.kind === 'jsonl'
      ? { environment: { ...environment, path: absolute(environment.path) } }
      : {}),
    ...((worker?.kind === 'preset' || worker?.kind === 'command') && worker.cwd !== undefined
      ? { worker: { ...worker, cwd: absolute(worker.cwd) } }
      : {}),
  };
}
