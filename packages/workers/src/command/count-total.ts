/**
 * Adds counts reported piece by piece (per step, per turn). The total is known only while every piece
 * was: one missing piece makes it null for good, never a silently low number (docs/design.md rule 5). With no
 * pieces at all the total is null too: nothing was measured.
 */
export class CountTotal {
  #total: number | null = null;
  #poisoned = false;

  add(piece: number | null): void {
    if (piece === null) {
      this.#poisoned = true;
      return;
    }
    this.#total = (this.#total ?? 0) + piece;
  }

  get value(): number | null {
    return this.#poisoned ? null : this.#total;
  }
}
