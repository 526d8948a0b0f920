import type { Steer } from '@ratchet/corpus';
import type { History } from './contracts/attempt-view';
import type { Controller } from './contracts/controller';
import type { Finding } from './contracts/finding';
import { JudgeLeakError } from './contracts/judge-leak-error';

/**
 * Refuses findings that came from a judge. Called wherever a steer is built, so a verdict cannot reach
 * the next attempt even through an analyst that was handed one.
 *
 * @throws {JudgeLeakError} naming every finding whose origin is not 'trace'.
 */
export function assertNoJudgeVerdict(findings: readonly Finding[]): void {
  const offending = findings
    .map((finding, index) => ({ index, claim: String(finding?.claim ?? ''), origin: finding?.origin }))
    .filter((finding) => finding.origin !== 'trace');
  if (offending.length > 0) throw new JudgeLeakError(offending.map(({ index, claim }) => ({ index, claim })));
}

/** The only way the runtime builds a steer: the firewall first, then the controller. */
export function buildSteer(controller: Controller, findings: readonly Finding[], history: History): Steer {
  assertNoJudgeVerdict(findings);
  return controller.steer(findings, history);
}
