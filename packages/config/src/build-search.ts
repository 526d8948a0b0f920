import type { JsonValue } from '@ratchet/corpus';
import type { SearchFamily } from '@ratchet/optimizer';
import { type Controller, InvalidControllerError, type StrategyPlan, type Task } from '@ratchet/runtime';
import { programPlan } from '@ratchet/sandbox';
import { type BuiltRun, buildRun } from './build-run';
import { ConfigError } from './config-error';
import type { OptimizeConfig } from './optimize-config';
import type { RatchetConfig } from './ratchet-config';
import { strategyPlan } from './strategy-plan';

/** A config that has its `optimize` section. */
export type OptimizableConfig = RatchetConfig & { readonly optimize: OptimizeConfig };

/** What `ratchet optimize` and `ratchet gate` share: the run built from the config, the baseline, and how a candidate runs. */
export interface SearchSetup {
  readonly config: OptimizableConfig;
  readonly built: BuiltRun;
  readonly benchmark: string;
  /** The controller the search starts from, and the incumbent the gate decides against. */
  readonly baseline: Controller;
  readonly plan: (controller: Controller) => StrategyPlan;
  /** What defines the tasks and the worker: part of the search's identity. */
  readonly familyConfig: JsonValue;
}

/**
 * The config's `optimize` section, or a config error saying how to add one.
 *
 * @throws {ConfigError} when the config has none.
 */
export function requireOptimize(config: RatchetConfig, file: string): OptimizableConfig {
  if (config.optimize !== undefined) return config as OptimizableConfig;
  throw new ConfigError(file, [
    {
      field: 'optimize',
      message:
        'is missing: `ratchet optimize` and `ratchet gate` need it, e.g. "optimize": { "budget": { "cells": 200 } } (see apps/bench/examples/dsl.optimize.config.json)',
    },
  ]);
}

/**
 * Builds the environment, worker and judge a config names (`buildRun`), the baseline controller (the
 * section's parameters over the environment's defaults), and the plan every candidate runs with.
 *
 * @throws {ConfigError} when the controller's schema refuses the baseline's parameters.
 */
export function buildSearch(config: OptimizableConfig, file: string): SearchSetup {
  const built = buildRun(config);
  try {
    const { optimize } = config;
    return {
      config,
      built,
      benchmark: config.benchmark ?? built.environment.id,
      baseline: baselineOf(built, optimize.baseline, optimize.controller, file),
      plan:
        optimize.controller === 'program'
          ? programPlan(optimize.k)
          : (controller) => strategyPlan(optimize.strategy, optimize.k, controller),
      familyConfig: {
        environment: withoutPaths(config.environment),
        worker: (config.worker ?? { kind: 'builtin' }) as JsonValue,
      },
    };
  } catch (error) {
    void built.close();
    throw error;
  }
}

function baselineOf(
  built: BuiltRun,
  parameters: OptimizeConfig['baseline'],
  choice: OptimizeConfig['controller'],
  file: string,
): Controller {
  try {
    return built.controller(parameters, choice);
  } catch (error) {
    if (!InvalidControllerError.isInstance(error)) throw error;
    throw new ConfigError(
      file,
      error.issues.map((issue) => ({
        field: `optimize.baseline${issue.field ? `.${issue.field}` : ''}`,
        message: `${issue.message} (controller "${error.controllerId}")`,
      })),
      { cause: error },
    );
  }
}

/**
 * The first `max` tasks of a split, or a config error when the split has none.
 *
 * @throws {ConfigError}
 */
export async function splitTasks(
  setup: SearchSetup,
  split: 'train' | 'val' | 'holdout',
  max: number | undefined,
  file: string,
): Promise<readonly Task[]> {
  const all = await setup.built.environment.tasks(split);
  if (all.length === 0) {
    throw new ConfigError(file, [
      {
        field: 'environment',
        message: `the ${split} split of ${setup.built.environment.id} has no tasks; an optimization needs train and val tasks, and the gate holdout tasks`,
      },
    ]);
  }
  return max === undefined ? all : all.slice(0, max);
}

/** A dataset's path is where it sits on this machine, not what it is: its file name stands for it in the search's identity. */
function withoutPaths(environment: RatchetConfig['environment']): JsonValue {
  if (environment.kind === 'jsonl' || environment.kind === 'task-directory') {
    const { path, ...rest } = environment;
    return { ...rest, file: path.split(/[\\/]/).at(-1) ?? path } as JsonValue;
  }
  return environment as JsonValue;
}

/** The family a search or a gate runs cells with, made from a built run (the worker is made here, after preflight). */
export function searchFamily(setup: SearchSetup): SearchFamily {
  return {
    environment: setup.built.environment,
    worker: setup.built.createWorker(),
    judge: setup.built.judge,
    analyst: setup.built.createAnalyst(),
  };
}
