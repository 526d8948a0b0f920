import type { JsonValue, Steer } from '@ratchet/corpus';
import type { AttemptInput } from '@ratchet/runtime';
import type { DslHandle } from './dsl-environment';
import type { DslTask } from './dsl-tasks';

/** An attempt input for a dsl task as the harness builds it (tests and direct callers). */
export function makeAttemptInput(
  task: DslTask,
  options: { seed?: string; steer?: Steer | null; checkpoint?: JsonValue | null } = {},
): AttemptInput<DslTask['input'], DslHandle> {
  return {
    task: { id: task.id, split: task.split, input: task.input },
    handle: { taskId: task.id, examples: task.input.examples },
    steer: options.steer ?? null,
    checkpoint: options.checkpoint ?? null,
    budget: { attempts: 1, usd: null, tokens: null, wallMs: null },
    seed: options.seed ?? `seed/${task.id}`,
  };
}
