import type { CertifiedExample, LibraryMiner } from '@ratchet/runtime';
import { z } from 'zod';
import { maxLibraryFragments } from './dsl-library';
import { printProgram } from './dsl-program';
import { dslTaskInputSchema } from './dsl-task-input';
import {
  type LearnedLibrary,
  libraryPriors,
  maxLibraryExemplars,
  priorSmoothing,
  relevanceWidth,
} from './learned-library';
import { parseProgram } from './parse-program';
import {
  type ChainLink,
  chainOf,
  chainSize,
  chainsOf,
  fragmentOf,
  operatorsIn,
  type ProgramChain,
  rewriteChain,
  usesOf,
} from './program-chains';
import { runProgram } from './run-program';
import { taskSignature } from './task-signature';

/**
 * The dsl miner's settings. The defaults were fixed before any library was measured on a domain and
 * do not come from the domain generator: up to 10 fragments (a production each, about a third more than
 * the 32 operator productions), each used by at least 3 distinct tasks, of at most 4 operators.
 */
export const dslMinerSettingsSchema = z.strictObject({
  maxFragments: z.number().int().min(0).max(maxLibraryFragments).default(10),
  minSupport: z.number().int().min(1).max(1000).default(3),
  maxFragmentSize: z.number().int().min(2).max(8).default(4),
  maxExemplars: z.number().int().min(0).max(maxLibraryExemplars).default(200),
  /** The relevance kernel's bandwidth the library carries (default: the controller's 0.25). */
  relevanceWidth: z.number().min(0.01).max(10).default(relevanceWidth),
  /** Uniform pseudo-exemplars the library's priors are smoothed with (default: the controller's 1). */
  smoothing: z.number().min(0).max(100).default(priorSmoothing),
});
export type DslMinerSettings = z.output<typeof dslMinerSettingsSchema>;

/** One certified program of a task, with the weight its task and age give it. */
interface Program {
  readonly task: string;
  readonly chain: ProgramChain;
  readonly weight: number;
}

/** One way of writing a fragment: a run of links, where it was seen, and what it would save. */
interface Variant {
  readonly key: string;
  readonly length: number;
  readonly links: readonly ChainLink[];
  savings: number;
  readonly tasks: Set<string>;
}

/** A candidate fragment: every variant that behaves alike on the probe inputs counts as one. */
interface Candidate {
  readonly variants: Map<string, Variant>;
  savings: number;
  readonly tasks: Set<string>;
}

// Inputs that tell list behaviours apart: negatives, zeros, repeats, odd and even, short and long.
const probes: readonly number[][] = [
  [3, -1, 4, 1, -5, 9, 2, 6],
  [5, 3, 5],
  [-2, 7, 1, 8, 2, 8, 1, 8],
  [0, 1, 2, 3, 4, 5],
  [9],
  [],
  [6, -6, 0, 12, -3, 7, 7],
];

/** What a fragment does to the probes: fragments that agree everywhere are one production to the search. */
function behaviourOf(links: readonly ChainLink[]): string {
  const fragment = fragmentOf(links);
  return JSON.stringify(probes.map((input) => runProgram(fragment, input)));
}

/** The variant a candidate is written as: the most tasks, then the most savings, then the shortest text. */
function representative(candidate: Candidate): Variant {
  return [...candidate.variants.values()].sort(
    (a, b) =>
      b.tasks.size - a.tasks.size || b.savings - a.savings || a.key.length - b.key.length || a.key.localeCompare(b.key),
  )[0] as Variant;
}

/**
 * Every run of 2+ consecutive links within the size cap, grouped by behaviour on the probes (`(drop 3
 * (map (* 3) xs))` and `(map (* 3) (drop 3 xs))` are one candidate), with the steps it would save.
 */
function candidatesOf(programs: readonly Program[], maxSize: number): Map<string, Candidate> {
  const found = new Map<string, Candidate>();
  for (const program of programs) {
    for (const chain of chainsOf(program.chain)) {
      const links = chain.links;
      for (let i = 0; i < links.length; i++) {
        for (let length = 2; i + length <= links.length; length++) {
          const run = links.slice(i, i + length);
          if (operatorsIn(run) > maxSize) break;
          const behaviour = behaviourOf(run);
          const candidate = found.get(behaviour) ?? { variants: new Map(), savings: 0, tasks: new Set<string>() };
          const key = printProgram(fragmentOf(run));
          const variant = candidate.variants.get(key) ?? { key, length, links: run, savings: 0, tasks: new Set() };
          // Each use replaces `length` steps by one.
          variant.savings += (length - 1) * program.weight;
          variant.tasks.add(program.task);
          candidate.variants.set(key, variant);
          candidate.savings += (length - 1) * program.weight;
          candidate.tasks.add(program.task);
          found.set(behaviour, candidate);
        }
      }
    }
  }
  return found;
}

/**
 * Mines fragments by compression, in the manner of Stitch's corpus compression (Bowers et al., 2023)
 * restricted to chains: repeatedly, the run of consecutive steps that most shortens the certified
 * programs (weighted savings minus the cost of one more production, among runs used by at least
 * `minSupport` distinct tasks) becomes a fragment, and the programs are rewritten with it, so later
 * fragments may build on earlier ones. Then one exemplar per task: its signature, the productions its
 * rewritten programs use, its recency. Fragment weights are the library-wide usage priors.
 */
export function mineDslLibrary(
  examples: readonly CertifiedExample[],
  settings: DslMinerSettings,
): { library: LearnedLibrary; summary: { [key: string]: unknown } } {
  const byTask = new Map<string, { input: unknown; recency: number; programs: Set<string> }>();
  for (const example of examples) {
    if (typeof example.output !== 'string') continue;
    const key = `${example.benchmark}/${example.taskId}`;
    const task = byTask.get(key) ?? { input: example.input, recency: 0, programs: new Set<string>() };
    try {
      task.programs.add(printProgram(parseProgram(example.output)));
    } catch {
      continue; // A certified output that does not parse cannot be a dsl program: nothing to learn from it.
    }
    task.recency = Math.max(task.recency, example.recency);
    task.input ??= example.input;
    byTask.set(key, task);
  }
  const programs: Program[] = [];
  for (const [task, entry] of [...byTask.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    for (const source of [...entry.programs].sort()) {
      programs.push({ task, chain: chainOf(parseProgram(source)), weight: entry.recency / entry.programs.size });
    }
  }
  const sizeBefore = programs.reduce((sum, p) => sum + chainSize(p.chain) * p.weight, 0);
  const fragments: Array<{ program: string; support: number; savings: number; variants?: string[] }> = [];
  while (fragments.length < settings.maxFragments) {
    let best: { candidate: Candidate; variant: Variant; utility: number } | null = null;
    for (const candidate of candidatesOf(programs, settings.maxFragmentSize).values()) {
      if (candidate.tasks.size < settings.minSupport) continue;
      const variant = representative(candidate);
      // Adding a production costs about one use of it: the search tries it at every level.
      const utility = candidate.savings - (variant.length - 1);
      if (utility <= 0) continue;
      if (best === null || utility > best.utility || (utility === best.utility && variant.key < best.variant.key)) {
        best = { candidate, variant, utility };
      }
    }
    if (best === null) break;
    const template = fragmentOf(best.variant.links);
    for (const variant of best.candidate.variants.values()) {
      for (const program of programs) {
        rewriteChain(program.chain, variant.key, variant.length, template, fragments.length);
      }
    }
    fragments.push({
      program: best.variant.key,
      support: best.candidate.tasks.size,
      savings: Number(best.candidate.savings.toFixed(4)),
      ...(best.candidate.variants.size > 1 ? { variants: [...best.candidate.variants.keys()].sort() } : {}),
    });
  }

  const exemplars: LearnedLibrary['exemplars'] = [];
  const everywhere: LearnedLibrary['exemplars'] = [];
  for (const [task, entry] of byTask) {
    const uses: Record<string, number> = {};
    for (const program of programs.filter((p) => p.task === task)) {
      for (const [name, n] of Object.entries(usesOf(program.chain)))
        uses[name] = (uses[name] ?? 0) + n / entry.programs.size;
    }
    everywhere.push({ signature: [0, 0, 0, 0, 0], uses, weight: entry.recency });
    const input = dslTaskInputSchema.safeParse(entry.input);
    if (input.success) exemplars.push({ signature: taskSignature(input.data), uses, weight: entry.recency });
  }
  exemplars.sort((a, b) => b.weight - a.weight);
  // Fragment weights: their share of all uses, the same smoothing as a task's priors, no relevance.
  const unweighted = fragments.map((f) => ({ program: f.program, weight: 1 }));
  const global = libraryPriors({ fragments: unweighted, exemplars: everywhere }, [0, 0, 0, 0, 0]).fragments;
  const library: LearnedLibrary = {
    fragments: global,
    exemplars: exemplars.slice(0, settings.maxExemplars),
    // Written only when they differ from the controller's defaults, so a default library keeps its identity.
    ...(settings.relevanceWidth === relevanceWidth ? {} : { relevanceWidth: settings.relevanceWidth }),
    ...(settings.smoothing === priorSmoothing ? {} : { smoothing: settings.smoothing }),
  };
  const sizeAfter = programs.reduce((sum, p) => sum + chainSize(p.chain) * p.weight, 0);
  return {
    library,
    summary: {
      tasks: byTask.size,
      programs: programs.length,
      fragments,
      exemplars: library.exemplars.length,
      weightedSize: { before: Number(sizeBefore.toFixed(4)), after: Number(sizeAfter.toFixed(4)) },
    },
  };
}

/** The dsl family's miner: fragments by compression and relevance exemplars, as the controller's `library`. */
export const dslMiner: LibraryMiner<DslMinerSettings> = {
  id: 'dsl-fragments',
  settings: dslMinerSettingsSchema,
  // Fixed before the meta level was first measured (issue 15): around each default, a smaller and a larger value.
  metaSpace: {
    maxFragments: [5, 10, 20],
    minSupport: [2, 3, 5],
    maxFragmentSize: [3, 4, 6],
    relevanceWidth: [0.1, 0.25, 0.5, 1],
    smoothing: [0.25, 1, 4],
  },
  mine(examples, settings) {
    const { library, summary } = mineDslLibrary(examples, settings);
    return { parameters: { library }, summary: JSON.parse(JSON.stringify(summary)) };
  },
};
