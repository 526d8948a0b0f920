import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten-core';
import type { SandboxLimits } from '../sandbox-limits';
import { type GuestThrow, limitFault, ProgramFault } from './program-fault';

/** The file name the program's module is evaluated under, so errors point into its source. */
export const programFile = 'strategy.js';
const locationPattern = new RegExp(`${programFile.replace('.', '\\.')}:(\\d+):(\\d+)`);

/**
 * Reads a thrown guest value's name, message and location in the program. Call it with the guest
 * halted: a getter the value defines is interrupted rather than run.
 */
export function readGuestThrow(context: QuickJSContext, value: QuickJSHandle): GuestThrow {
  if (context.typeof(value) !== 'object')
    return { name: 'Error', message: `threw ${String(safeDump(context, value))}` };
  const name = stringProp(context, value, 'name') ?? 'Error';
  const message = stringProp(context, value, 'message') ?? '(no message)';
  const location = locationPattern.exec(stringProp(context, value, 'stack') ?? '');
  return location ? { name, message, line: Number(location[1]), column: Number(location[2]) } : { name, message };
}

/** The fault a guest throw means: a limit the engine hit, or the program's own exception. */
export function faultOfThrow(thrown: GuestThrow, limits: SandboxLimits, cpuExceeded: boolean): ProgramFault {
  // Past the CPU limit every guest step is interrupted, and QuickJS does not always say so: an async
  // function interrupted between awaits can reject with "TypeError: not a function". The limit is the cause.
  if (cpuExceeded) return limitFault('cpu', limits);
  if (thrown.message === 'out of memory') return limitFault('memory', limits);
  if (thrown.name === 'InternalError' && thrown.message === 'stack overflow') return limitFault('stack', limits);
  if (thrown.name === 'RangeError' && /call stack size/i.test(thrown.message)) return limitFault('stack', limits);
  const where = thrown.line === undefined ? '' : ` (line ${thrown.line}:${thrown.column ?? 0})`;
  return new ProgramFault('threw', `the program threw ${thrown.name}: ${thrown.message.slice(0, 2000)}${where}`, {
    thrown,
  });
}

function stringProp(context: QuickJSContext, value: QuickJSHandle, key: string): string | undefined {
  try {
    const prop = context.getProp(value, key);
    try {
      return context.typeof(prop) === 'string' ? context.getString(prop) : undefined;
    } finally {
      prop.dispose();
    }
  } catch {
    return undefined;
  }
}

function safeDump(context: QuickJSContext, value: QuickJSHandle): unknown {
  try {
    const type = context.typeof(value);
    return type === 'string' || type === 'number' || type === 'boolean' ? context.dump(value) : type;
  } catch {
    return 'a value';
  }
}
