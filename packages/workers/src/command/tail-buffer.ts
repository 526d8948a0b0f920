/** What was kept of a stream: its last bytes, and how much came before them. */
export interface StreamTail {
  /** The last `maxBytes` bytes, decoded as UTF-8 (a character cut at the start becomes U+FFFD). */
  readonly text: string;
  /** Every byte the stream produced. */
  readonly bytes: number;
  /** Bytes before the kept tail, counted and not kept. */
  readonly droppedBytes: number;
}

/**
 * Keeps the last `maxBytes` bytes of a stream. For stderr the end matters most: that is where a CLI
 * writes the error it died of.
 */
export class TailBuffer {
  readonly #maxBytes: number;
  #chunks: Uint8Array[] = [];
  #kept = 0;
  #bytes = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  push(chunk: Uint8Array): void {
    this.#bytes += chunk.byteLength;
    this.#chunks.push(chunk);
    this.#kept += chunk.byteLength;
    while (this.#kept > this.#maxBytes && this.#chunks.length > 0) {
      const first = this.#chunks[0] as Uint8Array;
      const excess = this.#kept - this.#maxBytes;
      if (first.byteLength <= excess) {
        this.#chunks.shift();
        this.#kept -= first.byteLength;
      } else {
        this.#chunks[0] = first.subarray(excess);
        this.#kept -= excess;
      }
    }
  }

  result(): StreamTail {
    return {
      text: new TextDecoder().decode(Buffer.concat(this.#chunks)),
      bytes: this.#bytes,
      droppedBytes: this.#bytes - this.#kept,
    };
  }
}
