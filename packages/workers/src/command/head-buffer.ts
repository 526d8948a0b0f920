/**
 * Keeps the first `maxLines` lines of a stream, at most `maxChars` characters of them, and ignores
 * the rest. Of stderr, the start is where a CLI that could not get going says why (node's "Cannot
 * find module", a usage error), while the tail (`TailBuffer`) holds where a long run ended.
 */
export class HeadBuffer {
  readonly #maxLines: number;
  readonly #maxChars: number;
  readonly #decoder = new TextDecoder();
  #text = '';
  #lineBreaks = 0;

  constructor(limits: { maxLines: number; maxChars: number }) {
    this.#maxLines = limits.maxLines;
    this.#maxChars = limits.maxChars;
  }

  push(chunk: Uint8Array): void {
    if (this.#full()) return;
    const piece = this.#decoder.decode(chunk, { stream: true });
    this.#text += piece;
    for (const char of piece) if (char === '\n') this.#lineBreaks += 1;
  }

  /** The kept lines, without the line break after the last one; empty when the stream wrote nothing. */
  text(): string {
    return this.#text.split('\n').slice(0, this.#maxLines).join('\n').slice(0, this.#maxChars).trimEnd();
  }

  /** Once the first lines are complete or long enough, nothing later can change what `text` returns. */
  #full(): boolean {
    return this.#lineBreaks >= this.#maxLines || this.#text.length >= this.#maxChars;
  }
}
