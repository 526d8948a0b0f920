/** What was kept of one output stream, and how much was dropped past the cap. */
export interface CapturedOutput {
  /** The first `maxOutputBytes` bytes, decoded as UTF-8 (a character cut at the cap becomes U+FFFD). */
  text: string;
  /** Every byte the stream produced, kept or dropped. */
  bytes: number;
  /** Bytes past the cap, counted and not kept. */
  droppedBytes: number;
}

/** Collects a stream's first `maxBytes` bytes and counts the rest, so a flood cannot exhaust memory. */
export class CappedOutput {
  readonly #maxBytes: number;
  readonly #chunks: Uint8Array[] = [];
  #kept = 0;
  #bytes = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  push(chunk: Uint8Array): void {
    this.#bytes += chunk.byteLength;
    const room = this.#maxBytes - this.#kept;
    if (room <= 0) return;
    const kept = chunk.byteLength <= room ? chunk : chunk.subarray(0, room);
    this.#chunks.push(kept);
    this.#kept += kept.byteLength;
  }

  result(): CapturedOutput {
    return {
      text: new TextDecoder().decode(Buffer.concat(this.#chunks)),
      bytes: this.#bytes,
      droppedBytes: this.#bytes - this.#kept,
    };
  }
}
