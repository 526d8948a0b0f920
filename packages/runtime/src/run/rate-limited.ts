import pThrottle from 'p-throttle';
import type { Worker } from '../contracts/worker';

/** The same worker, with attempt starts spaced to the rate limit (p-throttle). */
export function rateLimited(worker: Worker, limit: { attempts: number; perMs: number }): Worker {
  const throttle = pThrottle({ limit: limit.attempts, interval: limit.perMs });
  return { ...worker, attempt: throttle((input, signal) => worker.attempt(input, signal)) };
}
