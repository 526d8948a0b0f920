import { type Job, type JobWithMetadata, PgBoss } from 'pg-boss';
import { type CellJob, cellJobSchema, type DeadCell, type TakenCell } from './cell-job';
import { InvalidCellJobError, QueueConnectionError } from './queue-error';
import { parseQueueLocation } from './queue-location';

/** The queue every cell job goes to, and where a job that failed on every delivery is moved. */
export const cellQueueName = 'ratchet-cells';
export const deadCellQueueName = 'ratchet-cells-dead';

export interface CellQueueOptions {
  /** How often this process looks for cells whose worker stopped (supervision), in seconds (default 10). */
  superviseIntervalSeconds?: number;
  /** The most connections this process opens (default 4; one more listens for new jobs). */
  poolSize?: number;
}

/** How the queue treats the cells of one run, fixed when they are enqueued. */
export interface CellDeliveryOptions {
  /**
   * Seconds a worker may go without a heartbeat before its cell is given to another worker (a worker
   * killed, or cut off). A worker's pg-boss sends one every half of it. Default 30; at least 10.
   */
  heartbeatSeconds?: number;
  /** Deliveries after the first before a cell goes to the dead-letter queue (default 2: three in all). */
  retryLimit?: number;
  /** Seconds between a failed delivery and the next (default 5). */
  retryDelaySeconds?: number;
}

/** Job counts of one run by state: waiting (`created`, `retry`), running (`active`), settled. */
export type CellJobStates = Record<'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed', number>;

/** The longest a cell may run before pg-boss expires it, heartbeat or not (its limit: 24 hours). */
const maxCellSeconds = 24 * 60 * 60;

/**
 * The cells of runs as jobs on pg-boss, in the same PostgreSQL as the corpus: workers on any machine
 * take them with `SELECT … FOR UPDATE SKIP LOCKED`, and pg-boss gives a job whose worker died (no
 * heartbeat) to another worker, retries failures, and moves a job that failed on every delivery to the
 * dead-letter queue. One job per cell, keyed by the cell id (`exclusive` policy: a key can be waiting
 * or running once), so enqueueing a run again adds only what is not already there. Delivery is
 * at-least-once; recording a cell exactly once is the corpus's part (deterministic ids, idempotent append).
 */
export class CellQueue {
  readonly displayUrl: string;
  readonly #boss: PgBoss;
  readonly #options: Required<CellQueueOptions>;
  #working = false;

  private constructor(boss: PgBoss, displayUrl: string, options: Required<CellQueueOptions>) {
    this.#boss = boss;
    this.displayUrl = displayUrl;
    this.#options = options;
  }

  /**
   * Opens the queue at a `postgres://` URL, installing pg-boss's schema and the two queues on first use.
   *
   * @throws {QueueConnectionError} when the server cannot be reached or pg-boss cannot start.
   * @throws {UnsupportedStoreError} for a URL that is not a plain PostgreSQL one.
   */
  static async open(url: string, options: CellQueueOptions = {}): Promise<CellQueue> {
    const location = parseQueueLocation(url);
    const settings: Required<CellQueueOptions> = {
      superviseIntervalSeconds: options.superviseIntervalSeconds ?? 10,
      poolSize: options.poolSize ?? 4,
    };
    const boss = new PgBoss({
      connectionString: location.connectionString,
      schema: location.schema,
      max: settings.poolSize,
      application_name: 'ratchet-queue',
      superviseIntervalSeconds: settings.superviseIntervalSeconds,
      monitorIntervalSeconds: settings.superviseIntervalSeconds,
      schedule: false,
      useListenNotify: true,
    });
    // Without a listener pg-boss's errors would crash the process; a lost connection is retried by it.
    boss.on('error', (error) => process.stderr.write(`queue: ${error.message}\n`));
    try {
      await boss.start();
      // A worker that cannot record a dead cell (its store down) leaves it for another.
      await boss.createQueue(deadCellQueueName, { retryLimit: 2, retryDelay: 5, deleteAfterSeconds: 14 * 24 * 3600 });
      await boss.createQueue(cellQueueName, {
        policy: 'exclusive',
        heartbeatSeconds: 30,
        expireInSeconds: maxCellSeconds,
        deadLetter: deadCellQueueName,
        notify: true,
      });
    } catch (cause) {
      await boss.stop({ graceful: false, close: true }).catch(() => undefined);
      throw new QueueConnectionError(location.displayUrl, (cause as Error).message, { cause });
    }
    return new CellQueue(boss, location.displayUrl, settings);
  }

  /**
   * Enqueues cells; a cell already waiting or running is not added again (its id is the key).
   * Returns how many were added and how many were there already.
   */
  async enqueue(
    jobs: readonly CellJob[],
    delivery: CellDeliveryOptions = {},
  ): Promise<{ added: number; alreadyQueued: number }> {
    const heartbeatSeconds = delivery.heartbeatSeconds ?? 30;
    if (!(heartbeatSeconds >= 10))
      throw new RangeError(`heartbeatSeconds must be at least 10 (pg-boss's floor), got ${heartbeatSeconds}`);
    const perJob = {
      heartbeatSeconds,
      retryLimit: delivery.retryLimit ?? 2,
      retryDelay: delivery.retryDelaySeconds ?? 5,
      expireInSeconds: maxCellSeconds,
      deadLetter: deadCellQueueName,
    };
    let added = 0;
    for (let start = 0; start < jobs.length; start += 500) {
      const chunk = jobs.slice(start, start + 500).map((job) => ({
        data: cellJobSchema.parse(job),
        singletonKey: job.cellId,
        ...perJob,
      }));
      const ids = await this.#boss.insert(cellQueueName, chunk, { returnId: true });
      added += ids?.length ?? 0;
    }
    return { added, alreadyQueued: jobs.length - added };
  }

  /** Cancels a run's waiting cells so no worker takes them; running ones finish. Returns how many. */
  async cancelWaiting(runId: string): Promise<number> {
    const waiting = (await this.#jobsOf(runId)).filter((job) => job.state === 'created' || job.state === 'retry');
    for (let start = 0; start < waiting.length; start += 500) {
      await this.#boss.cancel(
        cellQueueName,
        waiting.slice(start, start + 500).map((job) => job.id),
      );
    }
    return waiting.length;
  }

  /** How many of a run's cell jobs are in each state. */
  async states(runId: string): Promise<CellJobStates> {
    const states: CellJobStates = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };
    for (const job of await this.#jobsOf(runId)) states[job.state] += 1;
    return states;
  }

  /**
   * Takes cells, `concurrency` at a time, until `stop()`: each is handed to `run`; when it resolves the
   * job is complete, when it throws the job fails and is delivered again after the retry delay (or,
   * after the last delivery, moved to the dead-letter queue). Dead cells are handed to `dead`, which
   * records them; a job whose data does not parse fails with `InvalidCellJobError`.
   */
  async work(handlers: {
    concurrency: number;
    run: (cell: TakenCell) => Promise<void>;
    dead: (cell: DeadCell) => Promise<void>;
  }): Promise<void> {
    this.#working = true;
    for (let slot = 0; slot < handlers.concurrency; slot++) {
      await this.#workOne(cellQueueName, async (job) => {
        await handlers.run({
          job: parseJob(job),
          delivery: job.retryCount + 1,
          lastDelivery: job.retryCount >= job.retryLimit,
        });
      });
    }
    await this.#workOne(deadCellQueueName, async (job) => {
      await handlers.dead({
        job: parseJob(job),
        deliveries: (job.sourceRetryCount ?? 0) + 1,
        error: failureText(job.sourceOutput),
      });
    });
  }

  /**
   * One pg-boss worker loop taking one job at a time. pg-boss waits out its polling interval after
   * every job unless told there may be more; telling it after each job keeps a busy queue draining
   * back to back, and an empty fetch returns it to polling (new cells wake it by NOTIFY).
   */
  async #workOne(name: string, handle: (job: JobWithMetadata<unknown>) => Promise<void>): Promise<void> {
    // New cells wake workers at once (NOTIFY); polling finds retries, which send none. Idle slots poll
    // every 5 s: 1,000 idle slots are 200 light queries a second, and a retry waits at most that long.
    const options = {
      batchSize: 1,
      includeMetadata: true,
      pollingIntervalSeconds: 5,
      notifyPollingIntervalSeconds: 5,
    } as const;
    let id = '';
    id = await this.#boss.work<unknown>(name, options, async ([taken]: Job<unknown>[]) => {
      const job = withMetadata(taken);
      try {
        if (job !== undefined) await handle(job);
      } finally {
        this.#boss.notifyWorker(id);
      }
    });
  }

  /** Stops taking cells; waits for the handlers running now to settle. */
  async stopWorking(): Promise<void> {
    if (!this.#working) return;
    this.#working = false;
    await this.#boss.offWork(cellQueueName, { wait: true });
    await this.#boss.offWork(deadCellQueueName, { wait: true });
  }

  async close(): Promise<void> {
    await this.#boss.stop({ graceful: true, close: true, timeout: 10_000 });
  }

  /** The settings this process opened the queue with. */
  get settings(): Readonly<Required<CellQueueOptions>> {
    return this.#options;
  }

  async #jobsOf(runId: string): Promise<JobWithMetadata<unknown>[]> {
    const jobs: JobWithMetadata<unknown>[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await this.#boss.findJobs<unknown>(cellQueueName, {
        data: { runId },
        limit: 1000,
        ...(after ? { after } : {}),
      });
      jobs.push(...page);
      if (page.length < 1000) return jobs;
      after = page[page.length - 1]?.id;
    }
  }
}

/** `work` is called with `includeMetadata: true`, which pg-boss's overloads do not carry through a spread. */
function withMetadata(job: Job<unknown> | undefined): JobWithMetadata<unknown> | undefined {
  return job as JobWithMetadata<unknown> | undefined;
}

function parseJob(job: JobWithMetadata<unknown>): CellJob {
  const parsed = cellJobSchema.safeParse(job.data);
  if (!parsed.success) {
    throw new InvalidCellJobError(job.id, parsed.error.issues.map((issue) => issue.path.join('.')).join(', '));
  }
  return parsed.data;
}

/** What pg-boss stored as a job's failure: the worker's error (serialised), or its own note (an expired heartbeat). */
function failureText(output: object | null): string {
  if (output === null) return 'no failure was recorded';
  const value = output as { message?: unknown; value?: unknown };
  if (typeof value.message === 'string') return value.message;
  if (typeof value.value === 'string') return value.value;
  return JSON.stringify(output).slice(0, 2000);
}
