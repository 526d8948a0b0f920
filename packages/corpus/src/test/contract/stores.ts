import { afterEach, beforeEach } from 'vitest';
import type { Corpus } from '../../corpus';

/** The stores of one contract test: a fresh one opened before it, and any more it asks for. */
export interface ContractStores {
  /** The fresh store of the running test. */
  readonly corpus: Corpus;
  /** Another fresh store (the target of a round trip), closed after the test. */
  another(): Promise<Corpus>;
}

/** Opens a fresh store before each test and closes every store the test opened after it. */
export function useStores(open: () => Promise<Corpus>): ContractStores {
  let current: Corpus | undefined;
  const others: Corpus[] = [];
  beforeEach(async () => {
    current = await open();
  });
  afterEach(async () => {
    const opened = [current, ...others.splice(0)];
    current = undefined;
    for (const corpus of opened) await corpus?.close();
  });
  return {
    get corpus(): Corpus {
      if (!current) throw new Error('corpusContract: the store is only open while a test runs');
      return current;
    },
    async another(): Promise<Corpus> {
      const corpus = await open();
      others.push(corpus);
      return corpus;
    },
  };
}

/** The error a call failed with; fails the test when the call succeeds instead. */
export async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, and it succeeded');
}
