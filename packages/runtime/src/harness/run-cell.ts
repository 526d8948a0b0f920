import type { CellRecord, Corpus, RunRecord, Steer, Usage, Verdict } from '@ratchet/corpus';
import type { Judge } from '@ratchet/judges';
import { createRng } from '@ratchet/stats';
import type { Analyst } from '../contracts/analyst';
import type { AttemptView } from '../contracts/attempt-view';
import { BudgetExhaustedError } from '../contracts/budget-exhausted-error';
import type { Environment } from '../contracts/environment';
import { InfraError } from '../contracts/infra-error';
import { RuntimeError } from '../contracts/runtime-error';
import { type Task, viewOf } from '../contracts/task';
import type { AttemptResult, Checkpoint, RemainingBudget, Worker } from '../contracts/worker';
import { buildSteer } from '../firewall';
import { bestByChecks } from '../strategies/choose-by-checks';
import type { StrategyContext, StrategyPlan } from '../strategies/strategy';
import { bestVerdict } from './best-verdict';
import type { RecordWriter } from './record-writer';
import { CellInfraFailure, type RetryPolicy, withInfraRetries } from './retry';
import { sumUsage } from './sum-usage';
import { traceSummary } from './trace-summary';

/** One (run, arm, task, replicate) to run. */
export interface CellSpec {
  runId: string;
  armId: string;
  benchmark: string;
  task: Task;
  replicate: number;
  plan: StrategyPlan;
  /** The cell's seed path; attempt seeds extend it. */
  seed: string;
  /** 0 the first time; one more for each earlier try that was killed before the cell was recorded. */
  tryNumber: number;
  configHash: string;
  commitSha?: string;
}

export interface CellServices {
  environment: Environment;
  worker: Worker;
  judge: Judge;
  analyst: Analyst;
  corpus: Corpus;
  writer: RecordWriter;
  retry: RetryPolicy;
  /** Judge every attempt too, for the oracle upper bound (recorded apart, never the result). */
  oracle: boolean;
  signal: AbortSignal;
  now: () => Date;
}

export interface CellOutcome {
  cell: CellRecord;
}

export function cellIdOf(runId: string, armId: string, taskId: string, replicate: number): string {
  return `${runId}/${armId}/${taskId}/r${replicate}`;
}

/**
 * Runs one cell: opens the task, runs the arm's strategy with the budget enforced, records every
 * attempt as it finishes, judges the chosen output (and, for the oracle bound, every attempt), and
 * records the cell. A persistent infra failure ends the cell as `infra`. Strategies never see a verdict.
 */
export async function runCell(spec: CellSpec, services: CellServices): Promise<CellOutcome> {
  const { plan, task } = spec;
  const cellId = cellIdOf(spec.runId, spec.armId, task.id, spec.replicate);
  const history: AttemptView[] = [];
  const records = new Map<string, RunRecord>();
  const checkpoints = new Map<string, Checkpoint>();
  const usages: Usage[] = [];
  let analystCalls = 0;
  let chosen: string | null = null;
  let infra: { error: string; retries: number } | null = null;
  const view = viewOf(task);
  const record = (
    partial: Omit<
      RunRecord,
      | 'kind'
      | 'schemaVersion'
      | 'runId'
      | 'armId'
      | 'taskId'
      | 'benchmark'
      | 'split'
      | 'replicate'
      | 'seed'
      | 'controller'
      | 'worker'
      | 'createdAt'
      | 'configHash'
    >,
  ): RunRecord => ({
    kind: 'attempt',
    schemaVersion: 1,
    runId: spec.runId,
    armId: spec.armId,
    taskId: task.id,
    benchmark: spec.benchmark,
    split: task.split,
    replicate: spec.replicate,
    seed: `${spec.seed}/a${partial.attempt}`,
    controller: { id: plan.controller.id, hash: plan.controller.hash },
    worker: workerRef(services.worker),
    createdAt: services.now().toISOString(),
    configHash: spec.configHash,
    ...(spec.commitSha === undefined ? {} : { commitSha: spec.commitSha }),
    ...partial,
  });

  let handle: unknown;
  try {
    handle = await withInfraRetries(() => services.environment.open(task), services.retry, services.signal);
  } catch (error) {
    if (!CellInfraFailure.isFailure(error)) throw error;
    return { cell: await writeCell(spec, services, cellId, [], null, null, null, sumUsage([]), 0, error.infra) };
  }

  const ctx: StrategyContext = {
    task: view,
    k: plan.k,
    controller: plan.controller,
    analyst: services.analyst,
    rng: createRng(spec.seed).fork('strategy'),
    history,
    remaining: () => remainingBudget(plan, history.length, sumUsage(usages)),
    choose: (attemptId) => {
      if (!records.has(attemptId))
        throw new RuntimeError(`choose("${attemptId}"): no attempt with that id in this cell`);
      chosen = attemptId;
    },
    observe: async (attempt) => {
      analystCalls++;
      return services.analyst.observe(attempt, history);
    },
    steerFrom: (findings) => buildSteer(plan.controller, findings, history),
    shot: async (options = {}) => {
      if (infra) throw new CellInfraFailure(infra);
      const budget = ctx.remaining();
      if (budget.attempts <= 0)
        throw new BudgetExhaustedError('attempts', `${history.length} of ${plan.k} attempts made`);
      for (const limit of ['usd', 'tokens', 'wallMs'] as const) {
        const left = budget[limit];
        if (left !== null && left <= 0) throw new BudgetExhaustedError(limit, `cap ${plan.limits?.[limit]} reached`);
      }
      services.signal.throwIfAborted();
      const from = options.from === undefined ? undefined : history.find((a) => a.attemptId === options.from);
      if (options.from !== undefined && !from?.continuable) {
        throw new RuntimeError(`shot({ from: "${options.from}" }): no continuable attempt with that id in this cell`);
      }
      const index = history.length;
      const attemptId = `${cellId}/t${spec.tryNumber}/a${index}`;
      const steer: Steer | null = options.steer ?? null;
      const started = performance.now();
      try {
        const input = {
          task: view,
          handle,
          steer,
          checkpoint: from ? (checkpoints.get(from.attemptId) ?? null) : null,
          budget,
          seed: `${spec.seed}/a${index}`,
        };
        const result = await withInfraRetries(
          // Anything but an InfraError is the agent's outcome: a failed attempt, recorded and scored.
          () => services.worker.attempt(input, services.signal).catch((error: unknown) => agentFailure(error)),
          services.retry,
          services.signal,
        );
        const checks = await withInfraRetries(
          () => services.environment.checks(handle, result.output),
          services.retry,
          services.signal,
        );
        const usage: Usage = { ...result.usage, wallMs: Math.round(performance.now() - started) };
        const trace = await traceSummary(result.events, services.corpus);
        const attempt = record({
          recordId: attemptId,
          attempt: index,
          steer,
          checkpoint: from ? { fromRecordId: from.attemptId } : null,
          trace,
          output: { inline: result.output },
          checks,
          verdict: null,
          usage,
          infra: null,
        });
        await services.writer.write(attempt);
        records.set(attemptId, attempt);
        usages.push(usage);
        if (result.checkpoint !== undefined) checkpoints.set(attemptId, result.checkpoint);
        const seen: AttemptView = {
          attemptId,
          index,
          steer,
          from: from?.attemptId ?? null,
          output: result.output,
          events: result.events,
          checks,
          usage,
          continuable: result.checkpoint !== undefined,
        };
        history.push(seen);
        return seen;
      } catch (error) {
        if (!CellInfraFailure.isFailure(error)) throw error;
        infra = error.infra;
        const failed = record({
          recordId: attemptId,
          attempt: index,
          steer,
          checkpoint: from ? { fromRecordId: from.attemptId } : null,
          trace: { summary: `infra: ${infra.error}`.slice(0, 8192), events: 0, blob: null },
          output: null,
          checks: [],
          verdict: null,
          usage: unmeasured(Math.round(performance.now() - started)),
          infra,
        });
        await services.writer.write(failed);
        records.set(attemptId, failed);
        throw error;
      }
    },
  };

  try {
    try {
      await plan.strategy.run(ctx);
    } catch (error) {
      // The budget and a persistent infra failure end the strategy; the cell is still recorded.
      if (!BudgetExhaustedError.isInstance(error) && !CellInfraFailure.isFailure(error)) throw error;
    }
    const spend = sumUsage([...records.values()].map((r) => r.usage));
    if (infra || history.length === 0) {
      const failure = infra ?? { error: 'the strategy made no attempt', retries: 0 };
      return {
        cell: await writeCell(
          spec,
          services,
          cellId,
          [...records.keys()],
          null,
          null,
          null,
          spend,
          analystCalls,
          failure,
        ),
      };
    }
    const final =
      (chosen ? history.find((a) => a.attemptId === chosen) : undefined) ?? (bestByChecks(history) as AttemptView);
    const judgeTask = {
      id: task.id,
      input: task.input,
      ...(task.expected === undefined ? {} : { expected: task.expected }),
    };
    const context = { ...workDirOf(handle), signal: services.signal };
    const judged = new Map<string, Verdict>();
    try {
      for (const attempt of services.oracle ? history : [final]) {
        const verdict = await withInfraRetries(
          () => services.judge.judge(judgeTask, attempt.output, { ...context, usage: attempt.usage }),
          services.retry,
          services.signal,
        );
        judged.set(attempt.attemptId, verdict);
      }
    } catch (error) {
      if (!CellInfraFailure.isFailure(error)) throw error;
      return {
        cell: await writeCell(
          spec,
          services,
          cellId,
          [...records.keys()],
          null,
          null,
          null,
          spend,
          analystCalls,
          error.infra,
        ),
      };
    }
    await services.corpus.attachVerdicts([...judged].map(([recordId, verdict]) => ({ recordId, verdict })));
    const oracle = services.oracle ? bestVerdict(judged) : null;
    return {
      cell: await writeCell(
        spec,
        services,
        cellId,
        [...records.keys()],
        final,
        judged.get(final.attemptId) ?? null,
        oracle,
        spend,
        analystCalls,
        null,
      ),
    };
  } finally {
    await services.environment.close(handle);
  }
}

async function writeCell(
  spec: CellSpec,
  services: CellServices,
  cellId: string,
  attemptIds: string[],
  final: AttemptView | null,
  verdict: Verdict | null,
  oracle: { attemptId: string; verdict: Verdict } | null,
  spend: Usage,
  analystCalls: number,
  infra: { error: string; retries: number } | null,
): Promise<CellRecord> {
  const cell: CellRecord = {
    kind: 'cell',
    schemaVersion: 1,
    cellId,
    runId: spec.runId,
    armId: spec.armId,
    taskId: spec.task.id,
    benchmark: spec.benchmark,
    split: spec.task.split,
    replicate: spec.replicate,
    attemptIds,
    finalAttemptId: final?.attemptId ?? null,
    finalOutput: final ? { inline: final.output } : null,
    chosenBy: 'checks',
    verdict,
    oracle,
    spend,
    attempts: attemptIds.length,
    analystCalls,
    status: infra ? 'infra' : 'ok',
    createdAt: services.now().toISOString(),
  };
  await services.writer.write(cell);
  return cell;
}

/** What the cell may still spend: attempts left of k, and what is left under each measured cap. */
function remainingBudget(plan: StrategyPlan, made: number, spent: Usage): RemainingBudget {
  const left = (cap: number | undefined, used: number | null) =>
    cap === undefined || used === null ? null : cap - used;
  const tokens = spent.tokensIn === null || spent.tokensOut === null ? null : spent.tokensIn + spent.tokensOut;
  return {
    attempts: plan.k - made,
    usd: left(plan.limits?.usd, spent.usd),
    tokens: left(plan.limits?.tokens, tokens),
    wallMs: left(plan.limits?.wallMs, spent.wallMs),
  };
}

function agentFailure(error: unknown): AttemptResult {
  if (InfraError.isInstance(error) || (error as Error)?.name === 'AbortError') throw error;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    output: null,
    events: [{ type: 'error', data: message.slice(0, 2000) }],
    usage: { turns: null, tokensIn: null, tokensOut: null, usd: null, costProvenance: 'unknown' },
  };
}

function unmeasured(wallMs: number): Usage {
  return { turns: null, tokensIn: null, tokensOut: null, usd: null, wallMs, costProvenance: 'unknown' };
}

function workerRef(worker: Worker): RunRecord['worker'] {
  return {
    id: worker.id,
    ...(worker.model === undefined ? {} : { model: worker.model }),
    ...(worker.version === undefined ? {} : { version: worker.version }),
  };
}

/** Handles that carry a work dir (`{ workDir: string }`) pass it on to command-running judges. */
function workDirOf(handle: unknown): { workDir?: string } {
  const workDir = (handle as { workDir?: unknown } | null)?.workDir;
  return typeof workDir === 'string' ? { workDir } : {};
}
