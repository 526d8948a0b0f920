import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { WorkerConfigError } from '../worker-config-error';

export const modelPriceSchema = z.strictObject({
  /** US dollars per million input tokens. */
  inputPerMillion: z.number().nonnegative(),
  outputPerMillion: z.number().nonnegative(),
  /** Dollars per million input tokens served from the provider's prompt cache, where it prices them apart. */
  cachedInputPerMillion: z.number().nonnegative().optional(),
});
export type ModelPrice = z.infer<typeof modelPriceSchema>;

/** Prices per model, as published on `date`. A model that is not listed has an unknown cost. */
export const priceTableSchema = z.strictObject({
  date: z.iso.date(),
  currency: z.literal('USD'),
  models: z.record(z.string().min(1), modelPriceSchema),
});
export type PriceTable = z.infer<typeof priceTableSchema>;

/**
 * Reads a user's price file (JSON, the `PriceTable` shape) and lays it over `base`: models it lists
 * replace the base entries, the rest are kept. The result carries the user file's date.
 *
 * @throws {WorkerConfigError} naming the file and the fields that are wrong.
 * @example
 * const prices = await loadPriceTable('prices.json'); // { "date": "2026-11-01", "currency": "USD", "models": { … } }
 */
export async function loadPriceTable(path: string, base: PriceTable): Promise<PriceTable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new WorkerConfigError(`price file ${path} could not be read; check the path`, { cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new WorkerConfigError(
      `price file ${path} is not valid JSON; expected { "date", "currency": "USD", "models": { … } }`,
      { cause },
    );
  }
  const parsed = priceTableSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`)
      .join('; ');
    throw new WorkerConfigError(`price file ${path} is invalid: ${issues}`);
  }
  return { ...parsed.data, models: { ...base.models, ...parsed.data.models } };
}
