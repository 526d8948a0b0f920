import { describe, expect, it } from 'vitest';
import { DslOptionsError } from './dsl-options-error';
import { dslSearchParameters, searchParametersSchema } from './search-parameters';

describe('searchParametersSchema', () => {
  it('refuses a prior for an operator the language does not have, naming priors', () => {
    const parsed = searchParametersSchema.safeParse({ priors: { sum: 2, nope: 2 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['priors', 'Unrecognized key: "nope"'],
    ]);
  });

  it('drops keys it does not know, which belong to another controller', () => {
    expect(searchParametersSchema.parse({ findings: 3, maxDepth: 5 })).toEqual({ maxDepth: 5 });
  });
});

describe('dslSearchParameters', () => {
  it('fills what a steer leaves unset from the defaults', () => {
    expect(
      dslSearchParameters(
        { priors: { map: 2 } },
        { maxDepth: 3, priors: { sum: 4 }, focus: [1], focusWeight: 2, library: [] },
      ),
    ).toEqual({
      maxDepth: 3,
      priors: { sum: 4, map: 2 },
      focus: [1],
      focusWeight: 2,
      library: [],
    });
    expect(dslSearchParameters(undefined)).toEqual({ maxDepth: 4, priors: {}, focus: [], focusWeight: 3, library: [] });
  });

  it('throws a DslOptionsError naming an invalid known parameter', () => {
    expect(() => dslSearchParameters({ maxDepth: 99 })).toThrow(DslOptionsError);
    expect(() => dslSearchParameters({ maxDepth: 99 })).toThrow(/maxDepth: Too big/);
  });
});
