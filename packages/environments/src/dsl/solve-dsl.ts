import { createRng } from '@ratchet/stats';
import type { DslValue } from './dsl-program';
import { parseProgram } from './parse-program';
import { ProgramBank } from './program-bank';
import { runProgram, sameValue } from './run-program';
import { libraryKey, productionsWith, type SearchProduction } from './search-productions';
import type { DslSearchEvent, DslSearchState, DslSolveRequest, DslSolveResult } from './search-state';

/** One stream of candidates at a level: a production over children of fixed sizes. */
interface Generator {
  readonly production: number;
  readonly left: readonly number[];
  readonly right: readonly number[] | null;
  readonly count: number;
  readonly skipMirror: boolean;
}

/** Levels past this are never reached within any sensible budget; a guard, not a tuning knob. */
const maxLevel = 40;

/**
 * The `dsl` solver: stochastic bottom-up enumeration with observational equivalence. Programs are
 * built by size; within a size, the next generator is drawn at random, weighted by the operator priors
 * and by the near misses it produced on the focused examples, so priors and focus decide what a
 * limited budget reaches. Pure and synchronous over plain JSON, so it can run in a worker thread.
 *
 * @example
 * const result = solveDsl({ examples, outputType: 'int', steps: 5000, seed: 's', parameters: defaultSearchParameters, state: null, stallWindow: 2000 });
 * result.state.best?.program; // => '(sum xs)'
 */
export function solveDsl(request: DslSolveRequest): DslSolveResult {
  const { examples, outputType, parameters } = request;
  const events: DslSearchEvent[] = [];
  const inputs = examples.map((example) => example.input);
  const productions = productionsWith(parameters.library);
  const library = libraryKey(parameters.library);
  let state = request.state;
  // The bank's entries index the productions, and its levels depend on the depth limit: either change restarts it.
  if (state && (state.maxDepth !== parameters.maxDepth || (state.library ?? '') !== library)) {
    events.push({
      kind: 'restart',
      step: state.totalSteps,
      fromDepth: state.maxDepth,
      toDepth: parameters.maxDepth,
      ...((state.library ?? '') === library ? {} : { fromLibrary: state.library ?? '', toLibrary: library }),
    });
    state = { ...freshState(parameters.maxDepth, library), totalSteps: state.totalSteps, best: state.best };
  }
  state ??= freshState(parameters.maxDepth, library);
  if (state.solved || state.exhausted) return { state, stepsUsed: 0, events };

  const bank = new ProgramBank(inputs, state.entries, productions);
  const rng = createRng(request.seed);
  const weights = examples.map((_, e) => (parameters.focus.includes(e) ? parameters.focusWeight : 1));
  const focused = parameters.focus.filter((e) => e < examples.length);
  const scoreOf = (values: readonly DslValue[]) => {
    let passed = 0;
    let weighted = 0;
    values.forEach((value, e) => {
      if (sameValue(value, (examples[e] as DslSolveRequest['examples'][number]).output)) {
        passed++;
        weighted += weights[e] as number;
      }
    });
    return { score: passed / examples.length, weighted };
  };
  // The best so far is compared by score, then by the weight of the examples it passes under this focus.
  let best = state.best;
  let bestWeighted = -1;
  if (best) {
    const program = parseProgram(best.program);
    bestWeighted = scoreOf(inputs.map((input) => runProgram(program, input))).weighted;
  }
  let { level, totalSteps, lastImprovement, depthReached } = state;
  let cursors = [...state.cursors];
  let nearMisses = [...state.nearMisses];
  let generators = generatorsAt(level, bank, parameters.maxDepth, outputType, productions);
  let solved = false;
  let exhausted = false;
  let used = 0;

  while (used < request.steps) {
    const active = generators.map((g, i) => (cursors[i] as number) < g.count);
    if (!active.includes(true)) {
      if (level >= maxLevel || !canGrow(level, bank, parameters.maxDepth)) {
        exhausted = true;
        events.push({ kind: 'exhausted', step: totalSteps, size: level, maxDepth: parameters.maxDepth });
        break;
      }
      level++;
      generators = generatorsAt(level, bank, parameters.maxDepth, outputType, productions);
      cursors = generators.map(() => 0);
      nearMisses = generators.map(() => 0);
      events.push({ kind: 'level', step: totalSteps, size: level, banked: bank.entries.length });
      continue;
    }
    const g = pick(generators, active, nearMisses, parameters, productions, rng.next());
    const generator = generators[g] as Generator;
    const k = cursors[g] as number;
    cursors[g] = k + 1;
    const rightCount = generator.right?.length ?? 1;
    const leftIndex = Math.floor(k / rightCount);
    const rightIndex = k % rightCount;
    // Commutative zips over two children of one size: (a, b) and (b, a) are the same program.
    if (generator.skipMirror && leftIndex > rightIndex) continue;
    const left = generator.left[leftIndex] as number;
    const right = generator.right ? (generator.right[rightIndex] as number) : -1;
    used++;
    totalSteps++;
    const values = bank.evaluate(generator.production, left, right);
    const production = productions[generator.production] as SearchProduction;
    depthReached = Math.max(depthReached, bank.depthOf(left, right));
    if (production.output === 'list') bank.add([generator.production, left, right], values);
    if (production.output !== outputType) continue;
    const { score, weighted } = scoreOf(values);
    if (focused.length > 0 && score < 1 && focused.every((e) => passes(values, e, request))) {
      nearMisses[g] = (nearMisses[g] as number) + 1;
    }
    if (best === null || score > best.score || (score === best.score && weighted > bestWeighted)) {
      best = { program: bank.print(generator.production, left, right), score };
      bestWeighted = weighted;
      lastImprovement = totalSteps;
      events.push({ kind: 'improved', step: totalSteps, score, size: level, program: best.program });
      if (score === 1) {
        solved = true;
        break;
      }
    }
  }
  if (!solved && !exhausted && totalSteps - lastImprovement >= request.stallWindow) {
    events.push({
      kind: 'stall',
      step: totalSteps,
      since: lastImprovement,
      size: level,
      depth: depthReached,
      score: best?.score ?? 0,
    });
  }
  const next: DslSearchState = {
    version: 1,
    maxDepth: parameters.maxDepth,
    ...(library === '' ? {} : { library }),
    totalSteps,
    entries: bank.entries,
    level,
    cursors,
    nearMisses,
    best,
    lastImprovement,
    depthReached,
    solved,
    exhausted,
  };
  return { state: next, stepsUsed: used, events };
}

function freshState(maxDepth: number, library: string): DslSearchState {
  return {
    version: 1,
    maxDepth,
    ...(library === '' ? {} : { library }),
    totalSteps: 0,
    entries: [],
    level: 0,
    cursors: [],
    nearMisses: [],
    best: null,
    lastImprovement: 0,
    depthReached: 0,
    solved: false,
    exhausted: false,
  };
}

function passes(values: readonly DslValue[], e: number, request: DslSolveRequest): boolean {
  return sameValue(values[e] as DslValue, (request.examples[e] as DslSolveRequest['examples'][number]).output);
}

/** Children usable below the depth limit, by size. */
function pool(bank: ProgramBank, size: number, maxDepth: number): number[] {
  return (bank.bySize[size] ?? []).filter((entry) => (bank.depths[entry] as number) < maxDepth);
}

/** The generators of one size level, in a fixed order so a checkpoint's cursors stay meaningful. */
function generatorsAt(
  level: number,
  bank: ProgramBank,
  maxDepth: number,
  outputType: string,
  productions: readonly SearchProduction[],
): Generator[] {
  if (level < 1) return [];
  const generators: Generator[] = [];
  productions.forEach((production, index) => {
    if (production.output === 'int' && outputType !== 'int') return;
    if (production.arity === 1) {
      const left = pool(bank, level - 1, maxDepth);
      generators.push({ production: index, left, right: null, count: left.length, skipMirror: false });
      return;
    }
    for (let leftSize = 0; leftSize <= level - 1; leftSize++) {
      const rightSize = level - 1 - leftSize;
      if (production.commutative && leftSize > rightSize) continue;
      const left = pool(bank, leftSize, maxDepth);
      const right = pool(bank, rightSize, maxDepth);
      const skipMirror = production.commutative && leftSize === rightSize;
      generators.push({ production: index, left, right, count: left.length * right.length, skipMirror });
    }
  });
  return generators;
}

/** Whether any later level can still build a program: some banked size can still be combined. */
function canGrow(level: number, bank: ProgramBank, maxDepth: number): boolean {
  let largest = -1;
  bank.bySize.forEach((_, size) => {
    if (pool(bank, size, maxDepth).length > 0) largest = size;
  });
  // A unary step grows the largest child by one; a zip of two children reaches at most twice plus one.
  return level < 2 * largest + 1;
}

function pick(
  generators: readonly Generator[],
  active: readonly boolean[],
  nearMisses: readonly number[],
  parameters: DslSolveRequest['parameters'],
  productions: readonly SearchProduction[],
  draw: number,
): number {
  const weights = generators.map((generator, i) => {
    if (!active[i]) return 0;
    const production = productions[generator.production] as SearchProduction;
    const prior = production.weight ?? parameters.priors[production.operator] ?? 1;
    const focusBoost = 1 + (parameters.focusWeight * Math.min(nearMisses[i] as number, 5)) / 5;
    return prior * focusBoost;
  });
  const total = weights.reduce((sum, w) => sum + w, 0);
  let target = draw * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i] as number;
    if (target < 0 && active[i]) return i;
  }
  return active.lastIndexOf(true);
}

// A solver module: runners import this file by URL and call its default export (see registerDslSolver).
export default solveDsl;
