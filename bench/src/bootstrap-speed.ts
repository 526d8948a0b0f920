import { createRng, pairedBootstrap } from '@ratchet/stats';
import { Bench } from 'tinybench';
import { formatTable } from './format-table';

const pairs = 1000;
const resamples = 10_000;
const targetMs = 30;

/** Two arms' outcomes on `pairs` tasks: pass/fail, and continuous scores in [0, 1]. */
function workloads() {
  const rng = createRng('bench/bootstrap-data');
  const passFail = { a: [] as number[], b: [] as number[] };
  const continuous = { a: [] as number[], b: [] as number[] };
  for (let i = 0; i < pairs; i++) {
    const easiness = rng.next();
    passFail.a.push(rng.next() < easiness ? 1 : 0);
    passFail.b.push(rng.next() < easiness + 0.05 ? 1 : 0);
    continuous.a.push(easiness * rng.next());
    continuous.b.push(Math.min(1, easiness * rng.next() + 0.05));
  }
  return { 'pass/fail outcomes': passFail, 'continuous scores': continuous };
}

/** Bytes allocated by one call: heap plus typed-array buffers, after a forced collection. */
function allocatedBytes(run: () => unknown): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  const before = process.memoryUsage();
  run();
  const after = process.memoryUsage();
  return after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers);
}

export async function benchBootstrap(): Promise<string> {
  const bench = new Bench({ iterations: 25, time: 0, warmupIterations: 5 });
  const allocations = new Map<string, number | null>();
  let seed = 0;
  for (const [name, { a, b }] of Object.entries(workloads())) {
    const run = () => pairedBootstrap(a, b, { resamples, seed: seed++ });
    bench.add(name, run);
    allocations.set(name, allocatedBytes(run));
  }
  await bench.run();
  const rows = bench.tasks.map((task) => {
    const result = task.result;
    if (result.state !== 'completed') return [task.name, 'failed', '', '', '', ''];
    const kib = allocations.get(task.name);
    return [
      task.name,
      result.latency.p50.toFixed(1),
      result.latency.min.toFixed(1),
      result.latency.max.toFixed(1),
      kib === null || kib === undefined ? 'n/a' : (kib / 1024).toFixed(0),
      result.latency.p50 < targetMs ? 'yes' : 'no',
    ];
  });
  return [
    `Paired bootstrap: ${resamples.toLocaleString('en')} resamples × ${pairs.toLocaleString('en')} pairs, median of 25 runs after 5 warm-up runs`,
    formatTable(['workload', 'median ms', 'min ms', 'max ms', 'allocated KiB', `< ${targetMs} ms`], rows),
  ].join('\n');
}
