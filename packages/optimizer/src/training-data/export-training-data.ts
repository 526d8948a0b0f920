import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Corpus } from '@ratchet/corpus';
import type { Datasheet } from './training-example';
import { type TrainingDataOptions, trainingExamples } from './training-examples';

/**
 * Writes the corpus as training data, one JSON row per line (`sft` or `preference`, schemas in
 * `training-example.ts`), and returns the datasheet to keep beside it. The caller owns the stream.
 */
export async function exportTrainingData(
  corpus: Corpus,
  output: Writable,
  options: TrainingDataOptions,
): Promise<Datasheet> {
  const { rows, datasheet } = await trainingExamples(corpus, options);
  for (const row of rows) {
    if (!output.write(`${JSON.stringify(row)}\n`)) await once(output, 'drain');
  }
  return datasheet;
}
