import { OptimizerError } from '../optimizer-error';

/** A proposer was built with an option outside what it accepts (a step scale of 0, a token budget below 1). */
export class ProposerOptionsError extends OptimizerError {
  readonly proposer: string;
  readonly option: string;

  constructor(proposer: string, option: string, problem: string, example: string) {
    super(`${proposer}: option "${option}" ${problem}; pass for example { ${example} }`);
    this.proposer = proposer;
    this.option = option;
  }
}

export interface NumberOptionRule {
  readonly min: number;
  /** Whether `min` itself is allowed (default: no, the value must be above it). */
  readonly minInclusive?: boolean;
  /** Largest allowed value, inclusive. */
  readonly max?: number;
  readonly integer?: boolean;
  /** A valid setting, shown in the error (`maxDraws: 20`). */
  readonly example: string;
}

/**
 * Returns `value` when it is a finite number within the rule.
 * @throws {ProposerOptionsError} naming the option, the range and the value received.
 */
export function checkNumberOption(proposer: string, option: string, value: number, rule: NumberOptionRule): number {
  const { min, minInclusive = false, max, integer = false } = rule;
  const fits =
    Number.isFinite(value) &&
    (minInclusive ? value >= min : value > min) &&
    (max === undefined || value <= max) &&
    (!integer || Number.isInteger(value));
  if (!fits) {
    const range = `${minInclusive ? '≥' : '>'} ${min}${max === undefined ? '' : ` and ≤ ${max}`}`;
    const kind = integer ? 'an integer' : 'a finite number';
    throw new ProposerOptionsError(proposer, option, `must be ${kind} ${range}, received ${value}`, rule.example);
  }
  return value;
}
