import { type Controller, defineController } from '@ratchet/runtime';
import { simNotice } from './sim-tasks';

/**
 * A controller that names its arm in every steer (`steer.parameters.simArm`), which is how the sim
 * worker knows which planted effect applies. Its hash differs per arm name, as a learned
 * controller's would.
 *
 * @example
 * refine(2, { controller: simController('treated') });
 */
export function simController(arm: string): Controller {
  return defineController({
    id: `sim-${arm}`,
    parameters: { arm, notice: simNotice },
    steer: (_findings, _history, parameters) => ({
      text: `${simNotice}: steered as arm "${parameters.arm}"`,
      parameters: { simArm: parameters.arm },
    }),
  });
}
