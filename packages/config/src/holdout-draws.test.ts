import { describe, expect, it } from 'vitest';
import { requireOptimize } from './build-search';
import { DatasetRotationError, holdoutDraws } from './holdout-draws';
import { ratchetConfigSchema } from './ratchet-config';

const configOf = (value: object) => requireOptimize(ratchetConfigSchema.parse(value), 'ratchet.config.json');
const noTasks = async () => [];

describe('holdoutDraws', () => {
  it("draws the family's holdout at rotation 0, and fresh, disjoint holdout tasks from a derived seed after it", async () => {
    const config = configOf({
      environment: { kind: 'dsl', count: 20, seed: 7 },
      optimize: { budget: { cells: 10 }, maxHoldout: 3 },
    });
    const draws = holdoutDraws(config, noTasks);
    const first = await draws.draw(0);
    const second = await draws.draw(1);
    expect(first.key).toBe('dsl {"count":20,"seed":7} holdout rotation 0');
    expect(second.key).toBe('dsl {"count":20,"seed":7} holdout rotation 1');
    // dsl tasks 4, 9, 14 are holdout (1 in 5); their ids carry the seed they were drawn with.
    expect(first.tasks.map((task) => task.id)).toEqual(['dsl-7-0004', 'dsl-7-0009', 'dsl-7-0014']);
    expect(second.tasks.map((task) => task.id)).toEqual([
      'dsl-7/holdout-1-0004',
      'dsl-7/holdout-1-0009',
      'dsl-7/holdout-1-0014',
    ]);
    expect(second.tasks.every((task) => task.split === 'holdout')).toBe(true);
    expect(draws.configFor(1).environment).toEqual({ kind: 'dsl', count: 20, seed: '7/holdout-1' });
    expect(draws.configFor(0)).toBe(config);
  });

  it('refuses a second holdout of a dataset: it has only the one its tasks were split into', async () => {
    const config = configOf({
      environment: { kind: 'jsonl', path: '/data/qa.jsonl', id: 'qa' },
      judge: { kind: 'exact' },
      worker: 'openai:gpt-4o-mini',
      optimize: { budget: { cells: 10 } },
    });
    const draws = holdoutDraws(config, noTasks);
    expect((await draws.draw(0)).key).toBe('jsonl:qa:qa.jsonl holdout');
    const refused = await draws.draw(1).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DatasetRotationError);
    expect((refused as Error).message).toMatch(
      /^--rotate cannot draw another holdout from the jsonl dataset "qa": a dataset has one holdout split/,
    );
  });
});
