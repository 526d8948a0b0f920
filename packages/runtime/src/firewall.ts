import type { Steer } from '@ratchet/corpus';
import type { History } from './contracts/attempt-view';
import type { Controller } from './contracts/controller';
import type { Finding } from './contracts/finding';
import { InvalidSteerError } from './contracts/invalid-steer-error';
import { JudgeLeakError } from './contracts/judge-leak-error';
import { RuntimeError } from './contracts/runtime-error';
import type { TaskView } from './contracts/task';
import type { Worker } from './contracts/worker';

/**
 * Refuses findings that came from a judge, and anything that is not a finding at all. Called wherever
 * a steer is built, so a verdict cannot reach the next attempt even through an analyst that was
 * handed one, or a strategy that wrote a finding itself.
 *
 * @throws {JudgeLeakError} naming every finding whose origin is not 'trace'.
 */
export function assertNoJudgeVerdict(findings: readonly Finding[]): void {
  if (!Array.isArray(findings)) throw new RuntimeError('findings must be an array of { claim, evidence, origin }');
  const offending = findings
    .map((finding, index) => ({ index, claim: String(finding?.claim ?? ''), origin: finding?.origin }))
    .filter((finding) => finding.origin !== 'trace');
  if (offending.length > 0) throw new JudgeLeakError(offending.map(({ index, claim }) => ({ index, claim })));
}

/** What an attempt is told, and where it came from: the only way the runtime builds a steer. */
export interface SteerRequest {
  readonly controller: Controller;
  readonly worker: Pick<Worker, 'id' | 'steerParameters'>;
  readonly task: TaskView;
  readonly history: History;
  /** The findings to steer by; absent: a fresh attempt gets the controller's initial steer, a continued one none. */
  readonly findings?: readonly Finding[];
  /** Whether the attempt continues from a checkpoint. */
  readonly continued: boolean;
}

/**
 * Builds the steer of one attempt: the firewall first (judge-derived findings are refused), then the
 * arm's controller, then the worker's check of the steer's parameters. Strategies never hold a steer:
 * they pass findings to `shot`, and this is the one function that turns them into one.
 *
 * @throws {JudgeLeakError} when a finding came from a judge.
 * @throws {InvalidSteerError} when the worker refuses the controller's steer parameters.
 */
export function buildSteer(request: SteerRequest): Steer | null {
  let steer: Steer | null;
  if (request.findings !== undefined) {
    assertNoJudgeVerdict(request.findings);
    steer = request.controller.steer(Object.freeze([...request.findings]), request.history);
  } else {
    steer = request.continued ? null : request.controller.initial(request.task);
  }
  if (steer !== null) checkSteerParameters(request.controller, request.worker, steer);
  return steer;
}

function checkSteerParameters(controller: Controller, worker: SteerRequest['worker'], steer: Steer): void {
  if (worker.steerParameters === undefined) return;
  const parsed = worker.steerParameters.safeParse(steer.parameters ?? {});
  if (parsed.success) return;
  throw new InvalidSteerError({
    controllerId: controller.id,
    workerId: worker.id,
    issues: (parsed.error?.issues ?? []).map((issue) => ({
      field: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  });
}
