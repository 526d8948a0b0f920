import { idSchema } from '@ratchet/corpus';
import { z } from 'zod';

/** The `id` and optional `version` every judge option object accepts, validated as the corpus expects. */
export const judgeIdentityShape = {
  id: idSchema.optional(),
  version: z.string().min(1).max(200).optional(),
};
