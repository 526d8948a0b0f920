import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/**
 * The Chart.js UMD build's source, to inline so the report opens offline. Located next to the package's
 * main entry because chart.js's `exports` map does not expose `dist/chart.umd.min.js` itself.
 */
export function chartLibrarySource(): string {
  if (cached === undefined) {
    const main = createRequire(import.meta.url).resolve('chart.js');
    cached = readFileSync(join(dirname(main), 'chart.umd.min.js'), 'utf8');
  }
  return cached;
}
