import type { SandboxLimits } from '../sandbox-limits';

/** How a program failed as a program. */
export type FaultKind =
  | 'threw'
  | 'cpu'
  | 'memory'
  | 'stack'
  | 'host-calls'
  | 'judge-leak'
  | 'never-settled'
  | 'no-attempt'
  | 'engine';

/** What the guest threw, read defensively: a guest value may have getters, or be no error at all. */
export interface GuestThrow {
  readonly name: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** A program's failure inside the sandbox, before it becomes the runtime's `StrategyFailureError`. */
export class ProgramFault extends Error {
  readonly kind: FaultKind;
  /** For `threw`: what the program threw, and where. */
  readonly thrown: GuestThrow | undefined;

  constructor(kind: FaultKind, message: string, options: { cause?: unknown; thrown?: GuestThrow } = {}) {
    super(message, { cause: options.cause });
    this.name = 'ProgramFault';
    this.kind = kind;
    this.thrown = options.thrown;
  }
}

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;
const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

/** The fault for a limit, worded so the cell's record names the limit and its value. */
export function limitFault(kind: 'cpu' | 'memory' | 'stack' | 'host-calls', limits: SandboxLimits): ProgramFault {
  switch (kind) {
    case 'cpu':
      return new ProgramFault(
        'cpu',
        `the program ran past its CPU limit (cpuMs ${limits.cpuMs} ms inside the sandbox)`,
      );
    case 'memory':
      return new ProgramFault('memory', `the program ran out of memory (memoryBytes ${mib(limits.memoryBytes)})`);
    case 'stack':
      return new ProgramFault(
        'stack',
        `the program overflowed its stack (stackBytes ${kib(limits.stackBytes)}): recursion too deep`,
      );
    case 'host-calls':
      return new ProgramFault(
        'host-calls',
        `the program made more than ${limits.maxHostCalls} host calls (maxHostCalls: shot, observe, random, history, …) in one cell`,
      );
  }
}
