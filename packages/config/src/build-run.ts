import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFamily, jsonlDataset, taskDirectory } from '@ratchet/environments';
import type { Judge } from '@ratchet/judges';
import {
  type Analyst,
  type Arm,
  type Controller,
  defaultController,
  type Environment,
  ruleAnalyst,
  type Worker,
} from '@ratchet/runtime';
import {
  aider,
  chatWorker,
  claudeCode,
  codex,
  commandWorker,
  fileResponseCache,
  llmAnalyst,
  opencode,
} from '@ratchet/workers';
import {
  type ArmConfig,
  armNeedsLoading,
  loadedStrategyKey,
  type SearchControllerChoice,
  type strategyNames,
} from './arm-config';
import { armParameters } from './arm-parameters';
import { chosenController } from './chosen-controller';
import { type EnvironmentConfig, isBuiltInFamily } from './environment-config';
import type { LoadedStrategy } from './load-strategy-modules';
import type { RatchetConfig } from './ratchet-config';
import { strategyPlan } from './strategy-plan';
import type { WorkerConfig } from './worker-config';

/** Everything `runBenchmark` needs from a config, and what to close afterwards. */
export interface BuiltRun {
  readonly environment: Environment;
  /** Makes the worker; a model worker reads its key here, so call it after `preflight`. */
  createWorker(): Worker;
  readonly judge: Judge;
  createAnalyst(): Analyst;
  readonly arms: Arm[];
  /**
   * The chosen controller with `parameters` laid over its defaults — by default the environment's (the
   * family's tuned controller, else the generic one); what an optimization starts from and a candidate
   * is rebuilt as.
   * @throws {InvalidControllerError} naming each field the controller's schema refuses.
   */
  controller(parameters?: Readonly<Record<string, unknown>>, choice?: SearchControllerChoice): Controller;
  close(): Promise<void>;
}

/** What a run is built from: a family made for it, or an adapter over the user's tasks. */
interface Source {
  environment: Environment;
  judge: Judge;
  worker?: Worker;
  analyst?: Analyst;
  controller?: (armId: string, parameters?: unknown) => Controller;
  close(): Promise<void>;
}

/** Builds the environment, worker, judge, analyst and arms a validated config names. */
export function buildRun(
  config: RatchetConfig,
  options: { cacheDir?: string; strategies?: ReadonlyMap<string, LoadedStrategy> } = {},
): BuiltRun {
  const source = buildSource(config);
  const worker = config.worker ?? { kind: 'builtin' as const };
  let scratch: string | undefined;
  return {
    environment: source.environment,
    judge: source.judge,
    createWorker() {
      // A CLI agent on a dataset (no work dir per task) runs in a scratch folder, never in your project.
      const needsScratch =
        (worker.kind === 'preset' || worker.kind === 'command') &&
        worker.cwd === undefined &&
        config.environment.kind === 'jsonl';
      if (needsScratch) scratch ??= mkdtempSync(join(tmpdir(), 'ratchet-agent-'));
      const placed = needsScratch ? { ...worker, cwd: scratch } : worker;
      return buildWorker(placed, source, options.cacheDir ?? join('.ratchet', 'cache'));
    },
    createAnalyst: () => buildAnalyst(config.analyst, source),
    arms: config.arms.map((arm) =>
      buildArm(arm, source.controller?.(arm.id) ?? defaultController, options.strategies ?? new Map()),
    ),
    controller(parameters, choice = 'environment') {
      if (choice === 'environment' && source.controller) return source.controller('baseline', parameters);
      const base = chosenController(choice, defaultController);
      return parameters === undefined ? base : base.withParameters({ ...base.parameters, ...parameters });
    },
    async close() {
      await source.close();
      if (scratch) await rm(scratch, { recursive: true, force: true });
    },
  };
}

function buildSource(config: RatchetConfig): Source {
  const environment: EnvironmentConfig = config.environment;
  if (isBuiltInFamily(environment)) {
    const { kind, ...options } = environment;
    const family = findFamily(kind);
    // The config schema admits registered families only.
    if (!family) throw new Error(`no family is registered as "${kind}"`);
    // The solver threads start only when the built-in solver does the work.
    const builtIn = (config.worker ?? { kind: 'builtin' }).kind === 'builtin';
    const instance = family.create(options, { threads: builtIn ? availableParallelism() : 0 });
    return { ...instance, controller: (armId, parameters) => instance.controller(armId, parameters) };
  }
  const adapter =
    environment.kind === 'task-directory'
      ? taskDirectory({
          root: environment.path,
          ...(environment.id === undefined ? {} : { id: environment.id }),
          ...(environment.testCommand === undefined ? {} : { testCommand: environment.testCommand }),
        })
      : jsonlDataset({
          path: environment.path,
          ...(environment.id === undefined ? {} : { id: environment.id }),
          // The schema requires a judge for jsonl environments.
          judge: config.judge as NonNullable<RatchetConfig['judge']>,
        });
  return { ...adapter, close: async () => {} };
}

function buildWorker(config: WorkerConfig, family: Source, cacheDir: string): Worker {
  switch (config.kind) {
    case 'builtin':
      if (!family.worker) throw new Error('a builtin worker needs a built-in family (checked by the config schema)');
      return family.worker;
    case 'preset': {
      const { kind: _kind, preset, ...options } = config;
      const presets = { 'claude-code': claudeCode, codex, opencode, aider };
      return commandWorker(presets[preset](withoutUndefined(options)));
    }
    case 'command': {
      const { kind: _kind, ...options } = config;
      return commandWorker(withoutUndefined(options));
    }
    case 'model':
      return chatWorker(
        withoutUndefined({
          model: config.model,
          maxTurns: config.maxTurns,
          system: config.system,
          temperature: config.temperature,
          maxOutputTokens: config.maxOutputTokens,
          cache: config.cache ? fileResponseCache(join(cacheDir, 'responses')) : undefined,
        }),
      );
  }
}

function buildAnalyst(config: RatchetConfig['analyst'], family: Source): Analyst {
  if (config === 'environment') return family.analyst ?? ruleAnalyst();
  if (config === 'rules') return ruleAnalyst();
  return llmAnalyst({ model: config.model, budgetTokens: config.budgetTokens, maxFindings: config.maxFindings });
}

function buildArm(
  arm: ArmConfig,
  environmentController: Controller,
  modules: ReadonlyMap<string, LoadedStrategy>,
): Arm {
  const base = chosenController(arm.controller, environmentController);
  const controller =
    arm.parameters === undefined
      ? base
      : base.withParameters({ ...base.parameters, ...armParameters(arm.parameters, arm.id) });
  const limits = arm.limits ? { limits: withoutUndefined(arm.limits) } : {};
  if (armNeedsLoading(arm)) {
    const loaded = modules.get(loadedStrategyKey(arm));
    // loadStrategyModules runs before buildRun wherever a config can name a module or a program.
    if (!loaded) throw new Error(`${arm.program ?? arm.strategy} was not loaded before building the run`);
    return { id: arm.id, strategy: loaded.strategy, k: arm.k, controller, ...limits };
  }
  return { id: arm.id, ...strategyPlan(arm.strategy as (typeof strategyNames)[number], arm.k, controller), ...limits };
}

function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
