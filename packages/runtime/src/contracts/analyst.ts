import type { AttemptView, History } from './attempt-view';
import type { Finding } from './finding';

/** Turns an attempt's trace into findings. It sees what a strategy sees: never a verdict. */
export interface Analyst {
  readonly id: string;
  observe(attempt: AttemptView, history: History): Promise<Finding[]>;
}
