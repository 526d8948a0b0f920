import { join } from 'node:path';

/** Where each file of a state root lives, so the store, the lock and the CLI's messages agree. */
export interface StatePaths {
  readonly root: string;
  readonly state: string;
  readonly log: string;
  readonly lock: string;
  readonly handoffs: string;
  handoff(iteration: number): string;
}

export function statePaths(stateRoot: string): StatePaths {
  const handoffs = join(stateRoot, 'handoffs');
  return {
    root: stateRoot,
    state: join(stateRoot, 'autoloop_state.json'),
    log: join(stateRoot, 'iteration_log.jsonl'),
    lock: join(stateRoot, 'autoloop.lock'),
    handoffs,
    handoff: (iteration) => join(handoffs, `iteration-${iteration}.md`),
  };
}
