/** What a failing example's input may have that explains the failure. */
export const exampleFeatures = ['negative', 'zero', 'duplicates', 'long', 'short'] as const;
export type ExampleFeature = (typeof exampleFeatures)[number];

export const featurePhrases: Record<ExampleFeature, string> = {
  negative: 'involve negative numbers',
  zero: 'contain a zero',
  duplicates: 'repeat a value',
  long: 'have 6 or more elements',
  short: 'have 2 or fewer elements',
};

/** The features of one input list. */
export function featuresOf(input: readonly number[]): ExampleFeature[] {
  const features: ExampleFeature[] = [];
  if (input.some((x) => x < 0)) features.push('negative');
  if (input.includes(0)) features.push('zero');
  if (new Set(input).size < input.length) features.push('duplicates');
  if (input.length >= 6) features.push('long');
  if (input.length <= 2) features.push('short');
  return features;
}

/**
 * The features every one of the inputs has.
 *
 * @example
 * sharedFeatures([[-1, 2], [3, -4, 5]]); // => ['negative']
 */
export function sharedFeatures(inputs: readonly (readonly number[])[]): ExampleFeature[] {
  if (inputs.length === 0) return [];
  const [first, ...rest] = inputs.map(featuresOf);
  return (first ?? []).filter((feature) => rest.every((features) => features.includes(feature)));
}
