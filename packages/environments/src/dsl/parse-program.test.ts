import { createRng } from '@ratchet/stats';
import { describe, expect, it } from 'vitest';
import { DslParseError } from './dsl-parse-error';
import { printProgram, programDepth, programSize } from './dsl-program';
import { generateProgram } from './generate-program';
import { parseProgram } from './parse-program';
import { runProgram } from './run-program';

describe('parseProgram and runProgram', () => {
  it('runs programs to the values worked out by hand', () => {
    const run = (source: string, input: number[]) => runProgram(parseProgram(source), input);
    // filter even [1,2,3,4] = [2,4]; map (* 2) = [4,8]; sum = 12. [1,5,2] − [2,5,1] = [-1,0,1]
    expect(run('(sum (map (* 2) (filter even xs)))', [1, 2, 3, 4])).toBe(12);
    expect(run('(take 2 (sort xs))', [5, -1, 3])).toEqual([-1, 3]);
    expect(run('(zipwith - xs (reverse xs))', [1, 5, 2])).toEqual([-1, 0, 1]);
    expect(run('(count (> 3) xs)', [4, 1, 9])).toBe(2);
    expect(run('(max (drop 5 xs))', [1, 2])).toBe(0);
    expect(run('(map (* -1) xs)', [0, 2])).toEqual([0, -2]);
  });

  it('reads back what it prints, for 200 random programs, with size and depth kept', () => {
    const rng = createRng('round-trip');
    for (let i = 0; i < 200; i++) {
      const program = generateProgram(rng, 1 + rng.int(7), rng.next() < 0.5 ? 'int' : 'list');
      const parsed = parseProgram(printProgram(program));
      expect(parsed).toEqual(program);
      expect([programSize(parsed), programDepth(parsed)]).toEqual([programSize(program), programDepth(program)]);
    }
  });

  it('refuses text outside the typed grammar with a DslParseError that says where', () => {
    const attempt = (source: string): { position: number; message: string } | null => {
      try {
        parseProgram(source);
        return null;
      } catch (error) {
        if (!DslParseError.isInstance(error)) throw error;
        return { position: error.position, message: error.message };
      }
    };
    expect(attempt('(sum xs')).toMatchObject({ position: 7, message: expect.stringContaining('missing ")"') });
    expect(attempt('(map (+ 1) (sum xs))')?.message).toContain('map needs a list, got the int (sum …)');
    expect(attempt('(fold + xs)')?.message).toContain('unknown operator "fold"');
    expect(attempt('(take -1 xs)')?.message).toContain('take needs a count ≥ 0');
    expect(attempt('(sum xs) xs')?.message).toContain('unexpected text after the program');
  });
});
