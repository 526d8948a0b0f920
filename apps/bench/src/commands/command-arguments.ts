import { InvalidArgumentError } from 'commander';

export interface ArmPair {
  baseline: string;
  candidate: string;
}

/** `--pair BASELINE_ARM=CANDIDATE_ARM`, repeatable. */
export function collectPairs(value: string, previous: ArmPair[] = []): ArmPair[] {
  const [baseline, candidate, ...rest] = value.split('=');
  if (!baseline || !candidate || rest.length > 0) throw new InvalidArgumentError('expected BASELINE_ARM=CANDIDATE_ARM');
  return [...previous, { baseline, candidate }];
}

/** A positive amount, e.g. dollars. */
export function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('expected a number > 0');
  return parsed;
}

/** A run id: safe in a file name and a shell. */
export function runIdArgument(value: string): string {
  if (!/^[\w.:@+-]+$/.test(value)) throw new InvalidArgumentError('use letters, digits and _ . : @ + - only');
  return value;
}

/** `--tasks a,b,c`: a comma-separated list of ids, none empty. */
export function idList(value: string): string[] {
  const ids = value.split(',').map((id) => id.trim());
  if (ids.some((id) => id === '')) throw new InvalidArgumentError('expected ID,ID,… with no empty id');
  return ids;
}
