import { createRng } from '@ratchet/stats';
import { describe, expect, it } from 'vitest';
import { generatePlanted3Sat } from './generate-planted-3sat';
import { countUnsatisfied, parseAssignment } from './sat-formula';

describe('generatePlanted3Sat', () => {
  it('builds round(4.2 n) clauses of 3 distinct variables, all satisfied by the hidden assignment', () => {
    const { clauses, hidden } = generatePlanted3Sat(50, 4.2, createRng('planted'));
    expect(clauses).toHaveLength(210);
    expect(clauses.every((clause) => new Set(clause.map(Math.abs)).size === 3)).toBe(true);
    expect(countUnsatisfied({ variables: 50, clauses }, parseAssignment(hidden, 50) ?? [])).toBe(0);
  });

  it('does not give the hidden assignment away: about half the literals agree with it', () => {
    // q-hidden planting balances literal signs; naive planting would make 4/7 ≈ 0.571 of literals agree.
    const { clauses, hidden } = generatePlanted3Sat(2000, 4.2, createRng('balance'));
    const literals = clauses.flat();
    const agreeing = literals.filter((literal) => (hidden[Math.abs(literal) - 1] === '1') === literal > 0).length;
    expect(agreeing / literals.length).toBeGreaterThan(0.49);
    expect(agreeing / literals.length).toBeLessThan(0.51);
  });
});
