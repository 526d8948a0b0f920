/** Characters of plain-text output a parser keeps; the rest is dropped, so a flood cannot exhaust memory. */
export const maxTextChars = 1_000_000;

/**
 * Gathers lines of plain text up to `maxTextChars`, counting what it dropped. Plain-text agents have
 * no event boundaries, so their text is kept as blocks of consecutive lines.
 */
export class TextBlock {
  #lines: string[] = [];
  #chars = 0;
  #droppedChars = 0;

  add(line: string): void {
    const room = maxTextChars - this.#chars;
    if (room <= 0) {
      this.#droppedChars += line.length;
      return;
    }
    const kept = line.length <= room ? line : line.slice(0, room);
    this.#lines.push(kept);
    this.#chars += kept.length + 1;
    this.#droppedChars += line.length - kept.length;
  }

  get isEmpty(): boolean {
    return this.#lines.length === 0 && this.#droppedChars === 0;
  }

  get text(): string {
    return this.#lines.join('\n');
  }

  get droppedChars(): number {
    return this.#droppedChars;
  }
}
