import type { CellRecord, RunRecord, Steer, Usage } from '@ratchet/corpus';
import { createRng } from '@ratchet/stats';
import type { AnalystMeter } from '../contracts/analyst';
import type { AttemptView } from '../contracts/attempt-view';
import { BudgetExhaustedError } from '../contracts/budget-exhausted-error';
import type { Finding } from '../contracts/finding';
import { RuntimeError } from '../contracts/runtime-error';
import { viewOf } from '../contracts/task';
import type { Checkpoint } from '../contracts/worker';
import { buildSteer } from '../firewall';
import { bestByChecks } from '../strategies/choose-by-checks';
import type { ShotOptions, StrategyContext } from '../strategies/strategy';
import { agentFailure, analystFailure } from './agent-failure';
import { assertBudgetLeft, remainingBudget } from './cell-budget';
import { attemptRecord, type CellResult, cellRecord, unmeasuredUsage } from './cell-records';
import { type CellServices, type CellSpec, cellIdOf } from './cell-spec';
import { judgeAttempts } from './judge-attempts';
import { CellInfraFailure, withInfraRetries } from './retry';
import { sumUsage } from './sum-usage';
import { traceSummary } from './trace-summary';

export { type CellServices, type CellSpec, cellIdOf } from './cell-spec';

/**
 * Runs one cell: opens the task, runs the arm's strategy with the budget enforced, records every
 * attempt as it finishes, judges the chosen output (and, for the oracle bound, every attempt) once the
 * strategy is done, and records the cell. A persistent infra failure ends the cell as `infra`.
 * Strategies never see a verdict.
 */
export async function runCell(spec: CellSpec, services: CellServices): Promise<CellRecord> {
  const state = new CellState(spec, services);
  const finish = async (result: Partial<CellResult>) => {
    const cell = cellRecord(spec, services, {
      attemptIds: [...state.records.keys()],
      final: null,
      verdict: null,
      oracle: null,
      spend: sumUsage([...state.usages, ...state.analystUsages]),
      analystCalls: state.analystCalls,
      infra: null,
      ...result,
    });
    await services.writer.write(cell);
    return cell;
  };

  try {
    try {
      await spec.plan.strategy.run(state.context());
    } catch (error) {
      // The budget and a persistent infra failure end the strategy; the cell is still recorded.
      if (!BudgetExhaustedError.isInstance(error) && !CellInfraFailure.isFailure(error)) throw error;
    }
    if (state.infra || state.history.length === 0) {
      return finish({ infra: state.infra ?? { error: 'the strategy made no attempt', retries: 0 } });
    }
    const final = state.finalAttempt();
    try {
      return finish({ final, ...(await judgeAttempts(spec, services, state.history, final, state.handles)) });
    } catch (error) {
      if (!CellInfraFailure.isFailure(error)) throw error;
      return finish({ infra: error.infra });
    }
  } finally {
    for (const handle of state.handles.values()) await services.environment.close(handle);
  }
}

/** A rule-based analyst's call: it spends no tokens or dollars, only time. */
const zeroCost: Usage = { turns: 0, tokensIn: 0, tokensOut: 0, usd: 0, wallMs: 0, costProvenance: 'measured' };

/** The cell's running state, and the strategy context built on it. */
class CellState {
  readonly history: AttemptView[] = [];
  readonly records = new Map<string, RunRecord>();
  readonly usages: Usage[] = [];
  /** What the analyst's calls cost: part of the arm's spend, not of any attempt's. */
  readonly analystUsages: Usage[] = [];
  readonly checkpoints = new Map<string, Checkpoint>();
  /** Each attempt's own environment state, kept open until the cell is judged, then closed. */
  readonly handles = new Map<string, unknown>();
  analystCalls = 0;
  chosen: string | null = null;
  infra: { error: string; retries: number } | null = null;
  readonly #spec: CellSpec;
  readonly #services: CellServices;
  readonly #cellId: string;

  constructor(spec: CellSpec, services: CellServices) {
    this.#spec = spec;
    this.#services = services;
    this.#cellId = cellIdOf(spec.runId, spec.armId, spec.task.id, spec.replicate);
  }

  finalAttempt(): AttemptView {
    const chosen = this.chosen === null ? undefined : this.history.find((a) => a.attemptId === this.chosen);
    return chosen ?? (bestByChecks(this.history) as AttemptView);
  }

  context(): StrategyContext {
    const { plan } = this.#spec;
    const remaining = () => remainingBudget(plan, this.history.length, sumUsage(this.usages));
    return {
      task: viewOf(this.#spec.task),
      k: plan.k,
      controller: plan.controller,
      analyst: this.#services.analyst,
      rng: createRng(this.#spec.seed).fork('strategy'),
      history: this.history,
      remaining,
      choose: (attemptId) => {
        if (!this.records.has(attemptId))
          throw new RuntimeError(`choose("${attemptId}"): no attempt with that id in this cell`);
        this.chosen = attemptId;
      },
      observe: async (attempt) => {
        this.analystCalls++;
        const started = performance.now();
        const metered: Usage[] = [];
        const meter = {
          record: (usage: Parameters<AnalystMeter['record']>[0]) =>
            metered.push({ ...usage, wallMs: usage.wallMs ?? null }),
        };
        let findings: Finding[];
        try {
          findings = await withInfraRetries(
            () => this.#services.analyst.observe(attempt, this.history, meter).catch(analystFailure),
            this.#services.retry,
            this.#services.signal,
          );
        } catch (error) {
          // The analyst is part of the harness: its failure is infra, never the agent's outcome.
          if (CellInfraFailure.isFailure(error)) this.infra = error.infra;
          throw error;
        } finally {
          this.analystUsages.push(...metered);
        }
        // A call that reported nothing (a rule-based analyst) spent only time.
        if (metered.length === 0)
          this.analystUsages.push({ ...zeroCost, wallMs: Math.round(performance.now() - started) });
        return findings;
      },
      steerFrom: (findings) => buildSteer(plan.controller, findings, this.history),
      shot: (options = {}) => this.#shot(options, remaining),
    };
  }

  async #shot(options: ShotOptions, remaining: () => ReturnType<typeof remainingBudget>) {
    const spec = this.#spec;
    const services = this.#services;
    if (this.infra) throw new CellInfraFailure(this.infra);
    const budget = remaining();
    assertBudgetLeft(spec.plan, budget);
    services.signal.throwIfAborted();
    const from = options.from === undefined ? undefined : this.history.find((a) => a.attemptId === options.from);
    if (options.from !== undefined && !from?.continuable) {
      throw new RuntimeError(`shot({ from: "${options.from}" }): no continuable attempt with that id in this cell`);
    }
    const index = this.history.length;
    const steer: Steer | null = options.steer ?? null;
    const base = {
      recordId: `${this.#cellId}/t${spec.tryNumber}/a${index}`,
      attempt: index,
      steer,
      checkpoint: from ? { fromRecordId: from.attemptId } : null,
    };
    const started = performance.now();
    // Every attempt starts from the task's initial state; what carries over is the checkpoint.
    let handle: unknown;
    try {
      handle = await withInfraRetries(() => services.environment.open(spec.task), services.retry, services.signal);
    } catch (error) {
      if (CellInfraFailure.isFailure(error)) this.infra = error.infra;
      throw error;
    }
    this.handles.set(base.recordId, handle);
    const input = {
      task: viewOf(spec.task),
      handle,
      steer,
      checkpoint: from ? (this.checkpoints.get(from.attemptId) ?? null) : null,
      budget,
      seed: `${spec.seed}/a${index}`,
    };
    try {
      const result = await withInfraRetries(
        // Anything but an InfraError is the agent's outcome: a failed attempt, recorded and scored.
        () => services.worker.attempt(input, services.signal).catch(agentFailure),
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
      await this.#record(
        attemptRecord(spec, services, {
          ...base,
          trace,
          output: { inline: result.output },
          checks,
          usage,
          infra: null,
        }),
      );
      if (result.checkpoint !== undefined) this.checkpoints.set(base.recordId, result.checkpoint);
      const seen: AttemptView = {
        attemptId: base.recordId,
        index,
        steer,
        from: from?.attemptId ?? null,
        output: result.output,
        events: result.events,
        checks,
        usage,
        continuable: result.checkpoint !== undefined,
      };
      this.history.push(seen);
      return seen;
    } catch (error) {
      if (!CellInfraFailure.isFailure(error)) throw error;
      this.infra = error.infra;
      const trace = { summary: `infra: ${error.infra.error}`.slice(0, 8192), events: 0, blob: null };
      const usage = unmeasuredUsage(Math.round(performance.now() - started));
      await this.#record(
        attemptRecord(spec, services, { ...base, trace, output: null, checks: [], usage, infra: error.infra }),
      );
      throw error;
    }
  }

  async #record(record: RunRecord): Promise<void> {
    await this.#services.writer.write(record);
    this.records.set(record.recordId, record);
    this.usages.push(record.usage);
  }
}
