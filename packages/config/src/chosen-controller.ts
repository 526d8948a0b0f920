import { type Controller, defaultController, skillController } from '@ratchet/runtime';
import { programController } from '@ratchet/sandbox';
import type { SearchControllerChoice } from './arm-config';

/**
 * The controller a config's `controller` choice names: the environment's own (given, since only a built
 * family knows it), the generic `default`, the `skill` controller, or the `program` controller.
 */
export function chosenController(choice: SearchControllerChoice, environment: Controller): Controller {
  switch (choice) {
    case 'environment':
      return environment;
    case 'generic':
      return defaultController;
    case 'skill':
      return skillController;
    case 'program':
      return programController;
  }
}
