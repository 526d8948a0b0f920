import { describe, expect, it } from 'vitest';
import { CountTotal } from './count-total';

describe('CountTotal', () => {
  it('adds known pieces, is null with none, and null for good after a missing one', () => {
    const total = new CountTotal();
    expect(total.value).toBeNull();
    total.add(3);
    total.add(4);
    expect(total.value).toBe(7);
    total.add(null);
    total.add(5);
    expect(total.value).toBeNull();
  });
});
