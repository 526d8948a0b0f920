import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockModelApi } from '@ratchet/workers/test';
import { describe, expect, it } from 'vitest';
import { ratchet } from './test/ratchet-cli';

/** What the stand-in model writes: refine that always steers from the best attempt so far, by checks. */
const program = [
  "export const name = 'refine-from-best';",
  'export default async function (ctx) {',
  '  await ctx.shot();',
  '  while (ctx.history.length < ctx.k && !ctx.stop()) {',
  '    const best = ctx.history.reduce((a, b) => (b.checks.filter((c) => c.passed).length > a.checks.filter((c) => c.passed).length ? b : a));',
  '    await ctx.shot({ findings: await ctx.observe(best.attemptId), from: best.continuable ? best.attemptId : undefined });',
  '  }',
  '}',
].join('\n');

describe('ratchet optimize with the author proposer', () => {
  it('searches strategy programs: a model writes them, the sandbox compiles and smoke-runs them, GEPA evaluates them', async () => {
    const api = await startMockModelApi({
      scenarios: { kind: 'success', text: `\`\`\`js\n${program}\n\`\`\``, usage: { input: 3000, output: 250 } },
    });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'ratchet-author-'));
      const config = join(dir, 'author.config.json');
      writeFileSync(
        config,
        JSON.stringify({
          environment: { kind: 'dsl', count: 40, seed: 0, budget: 2000 },
          concurrency: 2,
          optimize: {
            controller: 'program',
            k: 2,
            proposer: { kind: 'author', model: `compat:${api.url}/v1#mock-model`, rounds: 1, smokeTasks: 2 },
            budget: { iterations: 2 },
            minibatch: 2,
            maxVal: 6,
            seed: 1,
          },
        }),
      );
      const run = await ratchet(['--store', `sqlite:${join(dir, 'corpus.db')}`, 'optimize', config, '--json']);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/Optimizing program on dsl: .* author \(compat:/);
      const result = JSON.parse(run.stdout);
      expect(result.iterations).toBe(2);
      // The model was asked for programs, shown the strategy API and the parent program.
      const asked = api.requests.filter((request) => request.path === '/v1/chat/completions');
      expect(asked.length).toBeGreaterThanOrEqual(1);
      const prompt = JSON.stringify(asked[0]?.body);
      expect(prompt).toContain('## The strategy API');
      expect(prompt).toContain('Improve this program');
    } finally {
      await api.close();
    }
  }, 120_000);
});
