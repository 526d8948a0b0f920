import { InvalidArgumentError } from 'commander';

/** A command-line count: a whole number ≥ 1. */
export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a whole number ≥ 1');
  return parsed;
}

export { commandLineOf, shellQuote } from '@ratchet/config';
