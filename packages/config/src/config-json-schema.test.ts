import { describe, expect, it } from 'vitest';
import { configJsonSchema } from './config-json-schema';

describe('the config JSON Schema', () => {
  it('lists every environment kind and describes the top-level fields for editors', () => {
    const schema = JSON.parse(configJsonSchema());
    const kinds = schema.properties.environment.oneOf.map(
      (option: { properties: { kind: { const: string } } }) => option.properties.kind.const,
    );
    expect(kinds).toEqual(['dsl', 'sat', 'sim', 'task-directory', 'jsonl']);
    expect(schema.properties.maxCost.description).toBe(
      'Stop scheduling cells once this many measured dollars are spent.',
    );
    expect(schema.properties.optimize.properties.budget.description).toBe(
      'What the search may spend; every cap is checked before a batch, so none is overshot.',
    );
    expect(schema.required).toEqual(['environment']);
    expect(schema.additionalProperties).toBe(false);
  });
});
