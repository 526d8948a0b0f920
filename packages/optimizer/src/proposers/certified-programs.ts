import type { Corpus } from '@ratchet/corpus';
import type { AuthoringExample } from '@ratchet/sandbox';

interface Lift {
  readonly estimate?: number | null;
  readonly low?: number | null;
  readonly high?: number | null;
}

const points = (value: number | null | undefined) =>
  value === null || value === undefined ? '?' : `${value >= 0 ? '+' : ''}${(100 * value).toFixed(1)}`;

/**
 * Programs the corpus certifies: candidates of the `program` controller that a gate promoted on a frozen
 * holdout (their cells beat the incumbent's there), newest first, one per program, with the lift that
 * promoted them. What `authorStrategy` is shown beside the built-ins, so a model learns from programs
 * that won, never from ones that only looked good on val.
 */
export async function certifiedPrograms(
  corpus: Corpus,
  options: { readonly benchmark?: string; readonly limit?: number; readonly component?: string } = {},
): Promise<AuthoringExample[]> {
  const component = options.component ?? 'program';
  const gates = await corpus.gateRecords(options.benchmark === undefined ? {} : { benchmark: options.benchmark });
  const promoted = gates
    .filter((gate) => gate.promoted && gate.candidate.id === 'program')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const examples: AuthoringExample[] = [];
  const seen = new Set<string>();
  for (const gate of promoted) {
    if (examples.length >= (options.limit ?? 3)) break;
    const [candidate] = await corpus.candidates({ hash: gate.candidate.hash });
    const source = candidate?.parameters[component];
    if (typeof source !== 'string' || seen.has(source)) continue;
    seen.add(source);
    const lift = ((gate.decision as { lift?: Lift } | null)?.lift ?? {}) as Lift;
    examples.push({
      name: `certified ${gate.candidate.hash}`,
      source,
      note: `certified: promoted on ${gate.benchmark}'s holdout "${gate.holdoutKey}" (${gate.holdoutTasks} tasks), lift ${points(lift.estimate)} points [${points(lift.low)}, ${points(lift.high)}]`,
    });
  }
  return examples;
}
