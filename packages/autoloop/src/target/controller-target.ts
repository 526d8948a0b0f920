import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { canonicalJson, type JsonValue } from '@ratchet/corpus';
import type { Controller, ControllerParameters } from '@ratchet/runtime';
import writeFileAtomic from 'write-file-atomic';
import { TargetError } from './target-error';

export interface ControllerTarget {
  /** The file that holds the controller's JSON parameters. */
  readonly file: string;
  /** Every component file: the JSON parameters first, then each text component's file. */
  readonly files: readonly string[];
  /** The controller the target holds now: the base with the files' parameters laid over its defaults. */
  current(): Promise<Controller>;
  /**
   * Writes a kept candidate into the component files whose value it changes, each atomically
   * (write-file-atomic: temp file, fsync, rename), after copying the previous version to
   * `<stateRoot>/versions/iteration-<n>/`. A file whose component did not change is not touched.
   */
  keep(candidate: Controller, iteration: number): Promise<void>;
}

export interface ControllerTargetOptions {
  readonly dir: string;
  readonly stateRoot: string;
  readonly base: Controller;
  /** The JSON file of parameters, relative to `dir` (default `controller.json`). */
  readonly file?: string;
  /**
   * Text components, one file each: parameter name → file relative to `dir` (e.g. `{ skill: "SKILL.md" }`).
   * The file's whole content is the parameter's value, so it can be edited, reviewed and diffed as text.
   */
  readonly texts?: Readonly<Record<string, string>>;
}

/**
 * A target whose components are a controller's parameters: the JSON ones in one file
 * (`controller.json`), and each text component (a skill, a system prompt) in a file of its own. It is
 * what `improveOrchestrator` reads before an iteration and writes when it keeps a candidate. The JSON
 * file is written with two-space indentation and a final newline, in the candidate's key order, and a
 * text file is its parameter verbatim, so a kept candidate is a readable `git diff`; a file whose
 * component did not change, and anything else in the target, is not touched.
 */
export function controllerTarget(options: ControllerTargetOptions): ControllerTarget {
  const jsonName = options.file ?? 'controller.json';
  const file = join(options.dir, jsonName);
  const texts = Object.entries(options.texts ?? {});
  const textNames = new Set(texts.map(([parameter]) => parameter));

  async function readParts(): Promise<{ json: Record<string, unknown> | null; texts: Record<string, string> }> {
    const text = await readIfPresent(file);
    const json = text === null ? null : parseParameters(file, text);
    for (const name of Object.keys(json ?? {})) {
      if (textNames.has(name)) {
        throw new TargetError(
          `${file} sets "${name}", which the target keeps in ${options.texts?.[name]}; remove it from ${jsonName}`,
        );
      }
    }
    const values: Record<string, string> = {};
    for (const [parameter, name] of texts) {
      const value = await readIfPresent(join(options.dir, name));
      if (value !== null) values[parameter] = value;
    }
    return { json, texts: values };
  }

  async function current(): Promise<Controller> {
    const parts = await readParts();
    if (parts.json === null && Object.keys(parts.texts).length === 0) return options.base;
    try {
      return options.base.withParameters({ ...options.base.parameters, ...parts.json, ...parts.texts });
    } catch (error) {
      const where = [jsonName, ...texts.map(([, name]) => name)].join(', ');
      throw new TargetError(`${join(options.dir, '')} (${where}): ${(error as Error).message}`, { cause: error });
    }
  }

  async function save(name: string, content: string, iteration: number): Promise<void> {
    const path = join(options.dir, name);
    const backup = join(options.stateRoot, 'versions', `iteration-${iteration}`, name);
    await mkdir(dirname(backup), { recursive: true });
    try {
      await copyFile(path, backup);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, content);
  }

  return {
    file,
    files: [file, ...texts.map(([, name]) => join(options.dir, name))],
    current,
    async keep(candidate, iteration) {
      const before = (await current()).parameters;
      const jsonPart = withoutKeys(candidate.parameters, textNames);
      if (canonicalJson(jsonPart as JsonValue) !== canonicalJson(withoutKeys(before, textNames) as JsonValue)) {
        await save(jsonName, `${JSON.stringify(jsonPart, null, 2)}\n`, iteration);
      }
      for (const [parameter, name] of texts) {
        const value = candidate.parameters[parameter];
        if (typeof value !== 'string') {
          throw new TargetError(`the kept candidate's "${parameter}" is not text, so it cannot be written to ${name}`);
        }
        if (value !== before[parameter]) await save(name, value, iteration);
      }
    },
  };
}

async function readIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseParameters(file: string, text: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new TargetError(
      `${file} is not JSON (${(error as Error).message}); fix it or restore it from the state root's versions/`,
      { cause: error },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new TargetError(`${file} must hold a JSON object of controller parameters`);
  }
  return parsed as Record<string, unknown>;
}

function withoutKeys(parameters: Readonly<ControllerParameters>, keys: ReadonlySet<string>): ControllerParameters {
  return Object.fromEntries(Object.entries(parameters).filter(([key]) => !keys.has(key)));
}
