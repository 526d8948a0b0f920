import { InvalidArgumentError } from 'commander';

/** `--queue`: a PostgreSQL URL (pg-boss keeps the jobs there), checked before anything runs. */
export function queueUrlArgument(value: string): string {
  if (!/^postgres(ql)?:\/\//.test(value)) {
    throw new InvalidArgumentError(
      'expected a postgres:// URL, e.g. postgres://USER@HOST:5432/DATABASE (the jobs live in PostgreSQL, with pg-boss)',
    );
  }
  return value;
}
