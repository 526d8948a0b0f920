/** What every `ratchet` subcommand is given by the program: the store flags, output, and Ctrl+C. */
export interface CommandContext {
  /** The store from --store or $RATCHET_STORE, else the default. */
  store(): string;
  /** Whether --store or $RATCHET_STORE named the store (a config's `store` yields to it). */
  storeExplicit(): boolean;
  /** --store or $RATCHET_STORE, else the store of a ratchet config in this folder, else the default. */
  readStore(): Promise<string>;
  print(text: string): void;
  signal: AbortSignal;
}
