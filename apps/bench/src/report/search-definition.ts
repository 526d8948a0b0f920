import type { JsonValue } from '@ratchet/corpus';
import { z } from 'zod';

/**
 * What an optimization record's `config` says about the search (gepa's search definition), as far as
 * the report reads it. Fields a search of another version does not record read as absent, not as 0.
 */
const searchDefinitionSchema = z.looseObject({
  strategy: z.string().optional(),
  k: z.number().optional(),
  proposer: z.string().optional(),
  acceptance: z.record(z.string(), z.unknown()).optional(),
  minibatch: z.number().optional(),
  replicates: z.number().optional(),
  merge: z.strictObject({ every: z.number(), subsample: z.number() }).nullable().optional(),
  scalarization: z.record(z.string(), z.number()).optional(),
  budget: z
    .looseObject({ cells: z.number().nullable(), usd: z.number().nullable(), iterations: z.number().nullable() })
    .partial()
    .optional(),
  train: z.array(z.string()).optional(),
  val: z.array(z.string()).optional(),
});
export type SearchDefinition = z.infer<typeof searchDefinitionSchema>;

/** The search definition in an optimization record's config; empty when it does not parse. */
export function searchDefinitionOf(config: JsonValue): SearchDefinition {
  const parsed = searchDefinitionSchema.safeParse(config);
  return parsed.success ? parsed.data : {};
}
