import type { CertifiedExample, LibraryMiner } from '@ratchet/runtime';
import { z } from 'zod';
import { maxLibraryFragments } from './dsl-library';
import { printProgram } from './dsl-program';
import { dslTaskInputSchema } from './dsl-task-input';
import { type LearnedLibrary, libraryPriors, maxLibraryExemplars } from './learned-library';
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
});
export type DslMinerSettings = z.output<typeof dslMinerSettingsSchema>;

/** One certified program of a task, with the weight its task and age give it. */
interface Program {
  readonly task: string;
  readonly chain: ProgramChain;
  readonly weight: number;
}

interface Candidate {
  readonly key: string;
  readonly length: number;
  readonly links: readonly ChainLink[];
  savings: number;
  readonly tasks: Set<string>;
}

/** Every run of 2+ consecutive links within the size cap, by fragment text, with the steps it would save. */
function candidatesOf(programs: readonly Program[], maxSize: number): Map<string, Candidate> {
  const found = new Map<string, Candidate>();
  for (const program of programs) {
    for (const chain of chainsOf(program.chain)) {
      const links = chain.links;
      for (let i = 0; i < links.length; i++) {
        for (let length = 2; i + length <= links.length; length++) {
          const run = links.slice(i, i + length);
          if (operatorsIn(run) > maxSize) break;
          const key = printProgram(fragmentOf(run));
          const candidate = found.get(key) ?? { key, length, links: run, savings: 0, tasks: new Set<string>() };
          // Each use replaces `length` steps by one.
          candidate.savings += (length - 1) * program.weight;
          candidate.tasks.add(program.task);
          found.set(key, candidate);
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
  const fragments: Array<{ program: string; support: number; savings: number }> = [];
  while (fragments.length < settings.maxFragments) {
    let best: Candidate | null = null;
    for (const candidate of candidatesOf(programs, settings.maxFragmentSize).values()) {
      if (candidate.tasks.size < settings.minSupport) continue;
      const utility = candidate.savings - (candidate.length - 1);
      if (utility <= 0) continue;
      const bestUtility = best === null ? 0 : best.savings - (best.length - 1);
      if (best === null || utility > bestUtility || (utility === bestUtility && candidate.key < best.key))
        best = candidate;
    }
    if (best === null) break;
    const template = fragmentOf(best.links);
    for (const program of programs) rewriteChain(program.chain, best.key, best.length, template, fragments.length);
    fragments.push({ program: best.key, support: best.tasks.size, savings: Number(best.savings.toFixed(4)) });
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
  const library: LearnedLibrary = { fragments: global, exemplars: exemplars.slice(0, settings.maxExemplars) };
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
  mine(examples, settings) {
    const { library, summary } = mineDslLibrary(examples, settings);
    return { parameters: { library }, summary: JSON.parse(JSON.stringify(summary)) };
  },
};
