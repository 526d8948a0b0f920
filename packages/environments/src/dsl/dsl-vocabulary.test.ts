import { describe, expect, it } from 'vitest';
import { dslOperators, printProgram } from './dsl-program';
import { parseProgram } from './parse-program';
import { instantiate, searchProductions } from './search-productions';

describe('the dsl vocabulary', () => {
  it('is one list: the search builds every operator, in the order dslOperators names them', () => {
    const built = [...new Set(searchProductions.map((production) => production.operator))];
    expect(built).toEqual([...dslOperators]);
  });

  it('parses back every program the search can build, so the parser and the search agree', () => {
    for (const production of searchProductions) {
      const program = instantiate(production, { op: 'xs' });
      expect(parseProgram(printProgram(program))).toEqual(program);
    }
  });
});
