import { availableParallelism } from 'node:os';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Shared test settings. The `@ratchet/source` export condition makes workspace packages resolve to
 * their TypeScript sources, so tests never need a build first. It is namespaced so that no
 * dependency's own "source" condition is picked up by accident.
 */
const conditions = ['@ratchet/source', ...defaultServerConditions];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['src/**/*.test.ts'],
    // Tests assert behaviour, not speed: on a loaded 2-core machine a simulation or a child process
    // can take many times its usual time, and that must not read as a failure.
    testTimeout: 60_000,
    // Vitest's default in a run is one worker fewer than the cores: one worker on a 2-core machine, so
    // files ran one after another while most of them wait on child processes (the CLI, agents, a
    // server). Two at least; the tests use their own folders, stores and databases.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest/results.json' },
  },
});
