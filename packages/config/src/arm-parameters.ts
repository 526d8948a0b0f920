import { readFileSync } from 'node:fs';
import { ConfigError } from './config-error';

/**
 * An arm's controller parameters: the object itself, or what a JSON file holds — a library written by
 * `ratchet learn` (its `parameters`) or a plain object of parameters.
 *
 * @throws {ConfigError} naming the file and the arm when the file is missing, not JSON, or not an object.
 */
export function armParameters(
  value: string | Readonly<Record<string, unknown>>,
  armId: string,
): Record<string, unknown> {
  if (typeof value !== 'string') return { ...value };
  const field = `arms[${armId}].parameters`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(value, 'utf8'));
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    throw new ConfigError(value, [{ field, message: `cannot read controller parameters: ${why}` }], { cause: error });
  }
  const isObject = (x: unknown): x is Record<string, unknown> =>
    typeof x === 'object' && x !== null && !Array.isArray(x);
  const parameters = isObject(parsed) && parsed.kind === 'library' ? parsed.parameters : parsed;
  if (!isObject(parameters)) {
    throw new ConfigError(value, [
      { field, message: 'must hold a JSON object of controller parameters, or a library written by `ratchet learn`' },
    ]);
  }
  return parameters;
}
