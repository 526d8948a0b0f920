import { readFileSync } from 'node:fs';
import { configJsonSchema } from '@ratchet/config';
import { describe, expect, it } from 'vitest';

describe('the config JSON Schema file', () => {
  it('is current: ratchet.config.schema.json is what the zod schema gives (regenerate with `pnpm schema`)', () => {
    const committed = readFileSync(new URL('../../ratchet.config.schema.json', import.meta.url), 'utf8');
    expect(JSON.parse(committed)).toEqual(JSON.parse(configJsonSchema()));
  });
});
