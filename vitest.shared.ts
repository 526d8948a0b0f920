import { defineConfig } from 'vitest/config';

/**
 * Shared test settings. The `source` export condition makes workspace packages resolve to their
 * TypeScript sources, so tests never need a build first.
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['src/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest/results.json' },
  },
});
