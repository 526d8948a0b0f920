import { z } from 'zod';
import { ratchetConfigSchema } from './ratchet-config';

/**
 * The JSON Schema of a config as written (zod's converter), for editors: point a config's
 * `$schema` at `apps/bench/ratchet.config.schema.json` to get completion and checking as you type.
 */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(ratchetConfigSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'ratchet run configuration' }, null, 2)}\n`;
}
