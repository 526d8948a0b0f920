import {
  blind,
  type Controller,
  continueBest,
  continueFromLast,
  fanoutThenRefine,
  random,
  refine,
  type StrategyPlan,
} from '@ratchet/runtime';
import type { strategyNames } from './arm-config';

/** A built-in strategy by its config name, at `k` attempts, steered by `controller` (`blind` makes one attempt). */
export function strategyPlan(
  strategy: (typeof strategyNames)[number],
  k: number,
  controller: Controller,
): StrategyPlan {
  switch (strategy) {
    case 'blind':
      return blind({ controller });
    case 'random':
      return random(k, { controller });
    case 'continue':
      return continueFromLast(k, { controller });
    case 'refine':
      return refine(k, { controller });
    case 'continueBest':
      return continueBest(k, { controller });
    case 'fanoutThenRefine':
      return fanoutThenRefine(k, { controller });
  }
}
