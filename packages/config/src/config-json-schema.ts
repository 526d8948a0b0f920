import { z } from 'zod';
import { ratchetConfigSchema } from './ratchet-config';

/**
 * The JSON Schema of a config as written (zod's converter), for editors: point a config's
 * `$schema` at `apps/bench/ratchet.config.schema.json` to get completion and checking as you type.
 */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(ratchetConfigSchema, {
    io: 'input',
    unrepresentable: 'any',
    // A test command defaults to the Node.js running Ratchet: a path of this machine, not of the schema.
    override: ({ jsonSchema }) => {
      if (jsonSchema.default === process.execPath) {
        delete jsonSchema.default;
        jsonSchema.description = 'The executable (default: the Node.js running Ratchet).';
      }
    },
  });
  return `${JSON.stringify({ ...schema, title: 'ratchet run configuration' }, null, 2)}\n`;
}
