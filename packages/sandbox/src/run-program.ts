import { type StrategyContext, StrategyFailureError } from '@ratchet/runtime';
import type { SandboxLimits } from './sandbox-limits';
import type { StrategyProgram } from './strategy-program';
import { ProgramFault } from './vm/program-fault';
import { withSession } from './vm/program-session';

/**
 * Runs a program's default export on one cell in a fresh engine. The program's failure — it threw,
 * rejected, hit a limit, handed a judge-origin finding to `shot`, waited on nothing, or made no
 * attempt — is thrown as `StrategyFailureError`, which the runtime records as the cell's failure.
 * A host error (the budget spent, infra, a controller's bug) is rethrown as it is, so the harness
 * treats it exactly as it would from a native strategy.
 */
export async function runProgram(
  program: StrategyProgram,
  limits: SandboxLimits,
  cell: StrategyContext,
): Promise<void> {
  const random = () => cell.rng.next();
  const outcome = await withSession(limits, cell, random, async (session) => {
    session.install();
    const namespace = await session.load(program.source);
    const main = session.own(session.vm.enter(() => session.vm.context.getProp(namespace, 'default')));
    if (session.vm.context.typeof(main) !== 'function' || session.ctx === undefined) {
      throw new ProgramFault('threw', 'the program has no default export function');
    }
    await session.settle(session.own(session.vm.call(main, session.ctx)));
    if (session.bridge.attempts === 0 && !session.bridge.stopReason) {
      throw new ProgramFault('no-attempt', 'the program made no attempt (it never awaited ctx.shot())');
    }
  });
  if ('hostError' in outcome) throw outcome.hostError;
  if ('fault' in outcome) throw new StrategyFailureError(outcome.fault.message, { cause: outcome.fault });
}
