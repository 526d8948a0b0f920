/**
 * Splits a byte stream into lines (on `\n`, with a trailing `\r` removed), decoding each whole line as
 * UTF-8 so a character split across chunks is never broken. A line longer than `maxLineBytes` keeps
 * its first `maxLineBytes` bytes; the rest is dropped and counted, so one endless line cannot exhaust
 * memory.
 */
export class LineSplitter {
  readonly #maxLineBytes: number;
  readonly #onLine: (line: string, droppedBytes: number) => void;
  #pieces: Uint8Array[] = [];
  #keptBytes = 0;
  #droppedBytes = 0;

  constructor(maxLineBytes: number, onLine: (line: string, droppedBytes: number) => void) {
    this.#maxLineBytes = maxLineBytes;
    this.#onLine = onLine;
  }

  push(chunk: Uint8Array): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(10, start);
      this.#append(chunk.subarray(start, newline === -1 ? chunk.length : newline));
      if (newline === -1) return;
      this.#emit();
      start = newline + 1;
    }
  }

  /** Emits the last line when the stream did not end with a line break. */
  end(): void {
    if (this.#keptBytes > 0 || this.#droppedBytes > 0) this.#emit();
  }

  #append(piece: Uint8Array): void {
    const room = Math.max(0, this.#maxLineBytes - this.#keptBytes);
    const kept = piece.byteLength <= room ? piece : piece.subarray(0, room);
    if (kept.byteLength > 0) this.#pieces.push(kept);
    this.#keptBytes += kept.byteLength;
    this.#droppedBytes += piece.byteLength - kept.byteLength;
  }

  #emit(): void {
    let line = new TextDecoder().decode(Buffer.concat(this.#pieces));
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const dropped = this.#droppedBytes;
    this.#pieces = [];
    this.#keptBytes = 0;
    this.#droppedBytes = 0;
    this.#onLine(line, dropped);
  }
}
