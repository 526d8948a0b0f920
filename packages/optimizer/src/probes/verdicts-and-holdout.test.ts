import { openCorpus } from '@ratchet/corpus';
import { blind } from '@ratchet/runtime';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { gepa } from '../gepa/gepa';
import type { GepaOptions } from '../gepa/gepa-options';
import { OptimizerError } from '../optimizer-error';
import { reflectiveProposer } from '../proposers/reflective-proposer';
import { dialController, dialFamily, dialSecret } from '../test/dial-family';

/** A model that answers every reflection with a new value for the component it was asked about. */
function reflectingModel() {
  let call = 0;
  return new MockLanguageModelV4({
    doGenerate: async () => {
      call++;
      const text = call % 2 === 1 ? '```json\n6\n```' : `\`\`\`text\nTry setting ${call}.\n\`\`\``;
      return {
        content: [{ type: 'text', text }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 900, noCache: 900, cacheRead: undefined, cacheWrite: undefined },
          outputTokens: { total: 20, text: 20, reasoning: undefined },
        },
        warnings: [],
      };
    },
  });
}

async function options(overrides: Partial<GepaOptions> = {}) {
  const dial = dialFamily();
  const model = reflectingModel();
  const base: GepaOptions = {
    corpus: await openCorpus('sqlite::memory:'),
    family: dial.family,
    benchmark: 'dial',
    baseline: dialController,
    plan: (controller) => blind({ controller }),
    train: dial.train,
    val: dial.val,
    proposer: reflectiveProposer({ model, price: { inputPerMTok: 1, outputPerMTok: 4 } }),
    budget: { iterations: 4 },
    seed: 2,
    ...overrides,
  };
  return { dial, model, options: base };
}

describe('probe: what the search may read', () => {
  it('sends a reflection the parent attempts, and no verdict text, even where a verdict names the answer', async () => {
    const { model, options: gepaOptions, dial } = await options();
    const result = await gepa(gepaOptions);
    expect(model.doGenerateCalls.length).toBe(4);
    const prompts = model.doGenerateCalls.map((call) =>
      call.prompt
        .map((message) => (typeof message.content === 'string' ? message.content : JSON.stringify(message.content)))
        .join('\n'),
    );
    for (const prompt of prompts) {
      expect(prompt).not.toContain(dialSecret);
      expect(prompt).not.toContain('dial-judge');
      expect(prompt).toContain('begin'); // the steer the parent's attempts were given
    }
    // The verdicts that name the answer are in the corpus all the same: recorded, never fed back.
    const cells = await gepaOptions.corpus.cells({ runId: `${result.optimizationId}/baseline-val` });
    expect(JSON.stringify(cells[0]?.verdict)).toContain(dialSecret);
    // Reflection calls are metered: 900 in, 20 out at $1 / $4 per million tokens, each.
    expect(result.iterations.every((it) => it.proposer.calls === 1 && it.proposer.usd === 0.00098)).toBe(true);
    // The search never ran a holdout task.
    expect(dial.family.worker.calls.some((call) => call.task.split === 'holdout')).toBe(false);
  });

  it('refuses a holdout task given as train or val, before anything runs', async () => {
    const { options: gepaOptions, dial } = await options();
    const leaked = { ...gepaOptions, val: [...dial.val, dial.holdout[0] as (typeof dial.holdout)[number]] };
    await expect(gepa(leaked)).rejects.toThrow(OptimizerError);
    await expect(gepa(leaked)).rejects.toThrow(/on the holdout split but was given as val/);
    expect(dial.attempts()).toBe(0);
  });
});
