import { type RunRecord, type Usage, unmeasuredUsage } from '@ratchet/corpus';
import { createRng } from '@ratchet/stats';
import type { AnalystMeter } from '../contracts/analyst';
import type { AttemptView } from '../contracts/attempt-view';
import type { Finding } from '../contracts/finding';
import { RuntimeError } from '../contracts/runtime-error';
import { viewOf } from '../contracts/task';
import type { Checkpoint, RemainingBudget } from '../contracts/worker';
import { buildSteer } from '../firewall';
import { bestByChecks } from '../strategies/choose-by-checks';
import type { ShotOptions, StrategyContext } from '../strategies/strategy';
import { analystFailure } from './agent-failure';
import { analystUsage } from './analyst-usage';
import { assertBudgetLeft, remainingBudget } from './cell-budget';
import { attemptIdOf, attemptRecord } from './cell-records';
import { type CellServices, type CellSpec, cellIdOf } from './cell-spec';
import { CellInfraFailure, withInfraRetries } from './retry';
import { runAttempt } from './run-attempt';
import { sumUsage } from './sum-usage';
import { traceSummary } from './trace-summary';

const shotOptionKeys = new Set(['findings', 'from']);

/** The cell's running state, and the strategy context built on it. */
export class CellState {
  readonly #history: AttemptView[] = [];
  readonly records = new Map<string, RunRecord>();
  readonly #usages: Usage[] = [];
  /** What the analyst's calls cost: part of the cell's spend and of its caps, not of any attempt's. */
  readonly analystUsages: Usage[] = [];
  readonly #checkpoints = new Map<string, Checkpoint>();
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

  get history(): readonly AttemptView[] {
    return this.#history;
  }

  /** Everything the cell spent: its attempts and its analyst calls. */
  spend(): Usage {
    return sumUsage([...this.#usages, ...this.analystUsages]);
  }

  /** The strategy's choice, else the attempt with the best checks; and what chose it. */
  finalAttempt(): { final: AttemptView; chosenBy: 'strategy' | 'checks' } {
    const chosen = this.chosen === null ? undefined : this.#history.find((a) => a.attemptId === this.chosen);
    if (chosen) return { final: chosen, chosenBy: 'strategy' };
    return { final: bestByChecks(this.#history) as AttemptView, chosenBy: 'checks' };
  }

  context(): StrategyContext {
    const { plan } = this.#spec;
    const remaining = () => remainingBudget(plan, this.#history.length, this.spend(), this.#cellId);
    const history = () => Object.freeze([...this.#history]);
    return Object.freeze({
      task: viewOf(this.#spec.task),
      k: plan.k,
      rng: createRng(this.#spec.seed).fork('strategy'),
      get history() {
        return history();
      },
      remaining,
      choose: (attemptId: string) => {
        if (!this.records.has(attemptId))
          throw new RuntimeError(`choose("${attemptId}"): no attempt with that id in this cell`);
        this.chosen = attemptId;
      },
      observe: (attempt: AttemptView) => this.#observe(attempt),
      topology: () => plan.controller.topology(history()),
      stop: () => plan.controller.stop(history()),
      shot: (options: ShotOptions = {}) => this.#shot(options, remaining),
    });
  }

  async #observe(attempt: AttemptView): Promise<Finding[]> {
    const { analyst, retry, signal } = this.#services;
    this.analystCalls++;
    const started = performance.now();
    const metered: Array<Parameters<AnalystMeter['record']>[0]> = [];
    const meter: AnalystMeter = { record: (usage) => void metered.push(usage) };
    try {
      return await withInfraRetries(
        () => analyst.observe(attempt, Object.freeze([...this.#history]), meter).catch(analystFailure),
        retry,
        signal,
      );
    } catch (error) {
      // The analyst is part of the harness: its failure is infra, never the agent's outcome.
      if (CellInfraFailure.isFailure(error)) this.infra = error.infra;
      throw error;
    } finally {
      this.analystUsages.push(...analystUsage(analyst, metered, Math.round(performance.now() - started)));
    }
  }

  async #shot(options: ShotOptions, remaining: () => RemainingBudget): Promise<AttemptView> {
    const spec = this.#spec;
    const services = this.#services;
    assertShotOptions(options);
    if (this.infra) throw new CellInfraFailure(this.infra);
    const budget = remaining();
    assertBudgetLeft(spec.plan, budget);
    services.signal.throwIfAborted();
    const from = options.from === undefined ? undefined : this.#history.find((a) => a.attemptId === options.from);
    if (options.from !== undefined && !from?.continuable) {
      throw new RuntimeError(`shot({ from: "${options.from}" }): no continuable attempt with that id in this cell`);
    }
    const index = this.#history.length;
    const steer = buildSteer({
      controller: spec.plan.controller,
      worker: services.worker,
      task: viewOf(spec.task),
      history: Object.freeze([...this.#history]),
      continued: from !== undefined,
      ...(options.findings === undefined ? {} : { findings: options.findings }),
    });
    const base = {
      recordId: attemptIdOf(spec, index),
      attempt: index,
      steer,
      checkpoint: from ? { fromRecordId: from.attemptId } : null,
    };
    const started = performance.now();
    try {
      const run = await runAttempt(spec, services, {
        steer,
        checkpoint: from ? (this.#checkpoints.get(from.attemptId) ?? null) : null,
        budget,
        seed: `${spec.seed}/a${index}`,
      });
      this.handles.set(base.recordId, run.handle);
      const { result, checks } = run;
      const usage: Usage = { ...result.usage, workUnits: result.usage.workUnits ?? null, wallMs: run.wallMs };
      const failure = result.failure ?? null;
      const trace = await traceSummary(result.events, services.corpus);
      await this.#record(
        attemptRecord(spec, services, {
          ...base,
          trace,
          output: { inline: result.output },
          checks,
          usage,
          infra: null,
          failure,
        }),
      );
      if (result.checkpoint !== undefined) this.#checkpoints.set(base.recordId, result.checkpoint);
      const seen: AttemptView = Object.freeze({
        attemptId: base.recordId,
        index,
        steer,
        from: from?.attemptId ?? null,
        output: result.output,
        events: Object.freeze([...result.events]),
        checks: Object.freeze([...checks]),
        usage,
        failure,
        continuable: result.checkpoint !== undefined,
      });
      this.#history.push(seen);
      return seen;
    } catch (error) {
      if (!CellInfraFailure.isFailure(error)) throw error;
      this.infra = error.infra;
      const trace = { summary: `infra: ${error.infra.error}`.slice(0, 8192), events: 0, blob: null };
      const usage = { ...unmeasuredUsage, wallMs: Math.round(performance.now() - started) };
      await this.#record(
        attemptRecord(spec, services, {
          ...base,
          trace,
          output: null,
          checks: [],
          usage,
          infra: error.infra,
          failure: null,
        }),
      );
      throw error;
    }
  }

  async #record(record: RunRecord): Promise<void> {
    await this.#services.writer.write(record);
    this.records.set(record.recordId, record);
    this.#usages.push(record.usage);
  }
}

/** A strategy passes findings and where to continue from; anything else (a steer it wrote) is refused. */
function assertShotOptions(options: ShotOptions): void {
  if (typeof options !== 'object' || options === null)
    throw new RuntimeError('shot(options): options must be an object');
  for (const key of Object.keys(options)) {
    if (shotOptionKeys.has(key)) continue;
    throw new RuntimeError(
      `shot({ ${key} }): unknown option; a strategy passes { findings, from } and the harness builds the steer through the firewall`,
    );
  }
}
