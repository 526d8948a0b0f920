/** The text of an output for scanning: a string as is, nothing for null or undefined, other values as JSON. */
export function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (output === null || output === undefined) return '';
  return JSON.stringify(output) ?? String(output);
}
