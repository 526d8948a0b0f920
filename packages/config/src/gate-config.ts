import { z } from 'zod';
import { count } from './config-count';

/** `optimize.gate`: how `ratchet gate` decides a promotion on the holdout, fixed or sequential. */
export const gateConfigSchema = z
  .strictObject({
    confidence: z.number().gt(0).lt(1).default(0.95).describe('Confidence of the lift interval (default 0.95).'),
    threshold: z
      .number()
      .min(-1)
      .max(1)
      .default(0)
      .describe("The lift the interval's lower bound must exceed (default 0)."),
    minPairs: count('paired tasks').optional().describe('Fewest paired holdout tasks to decide on (default 6).'),
    sequential: z
      .strictObject({
        maxItems: count('holdout items').describe('The cap: most holdout items the decision may spend.'),
        minEffect: z
          .number()
          .gt(0)
          .max(1)
          .describe(
            'The smallest lift above the threshold worth promoting: the gate stops for futility once the upper confidence bound on the lift is below threshold + minEffect.',
          ),
        batchSize: count('holdout items')
          .max(1000)
          .optional()
          .describe('Holdout items evaluated between two looks (default 5).'),
      })
      .optional()
      .describe(
        'Decide sequentially (anytime-valid): holdout items in a seeded random order, in batches, stopping once the e-value reaches 1/α, at futility, or at maxItems. Default: the fixed-n gate on every holdout item.',
      ),
  })
  .prefault({})
  .describe('How `ratchet gate` decides a promotion on the holdout.');
