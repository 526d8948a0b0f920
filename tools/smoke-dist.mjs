#!/usr/bin/env node
// Imports every built package entry point with plain Node, the way a user's program would, so a
// build that only works under the test runner (a dropped `node:` prefix, a missing file) fails CI.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
let failed = 0;
let checked = 0;
for (const group of ['packages', 'apps']) {
  const groupDir = join(root, group);
  if (!existsSync(groupDir)) continue;
  for (const name of readdirSync(groupDir)) {
    const manifestPath = join(groupDir, name, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    for (const [entry, conditions] of Object.entries(manifest.exports ?? {})) {
      const target = typeof conditions === 'string' ? conditions : conditions.import;
      if (!target) continue;
      const file = join(groupDir, name, target);
      try {
        const module = await import(pathToFileURL(file).href);
        if (Object.keys(module).length === 0) throw new Error('exports nothing');
        checked++;
      } catch (error) {
        failed++;
        console.error(`smoke: ${manifest.name} "${entry}" (${target}) does not load: ${error.message}`);
      }
    }
  }
}
console.log(`smoke: ${checked} built entry points load with plain Node${failed ? `, ${failed} do not` : ''}`);
process.exit(failed ? 1 : 0);
