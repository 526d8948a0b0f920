import { type Controller, defineController } from '@ratchet/runtime';
import { z } from 'zod';
import { simNotice } from './sim-tasks';

/** The sim controller's parameters: the arm it names (its identity) and the simulator's notice. */
export const simControllerSchema = z.strictObject({
  arm: z.string().min(1).max(200),
  notice: z.literal(simNotice),
});

/**
 * A controller that names its arm in every steer (`steer.parameters.simArm`), which is how the sim
 * worker knows which planted effect applies. Its hash differs per arm name, as a learned
 * controller's would.
 *
 * @throws {InvalidControllerError} when the arm name is empty or longer than 200 characters.
 * @example
 * refine(2, { controller: simController('treated') });
 */
export function simController(arm: string): Controller {
  return defineController({
    id: `sim-${arm}`,
    schema: simControllerSchema,
    parameters: { arm, notice: simNotice },
    steer: (_findings, _history, parameters) => ({
      text: `${simNotice}: steered as arm "${parameters.arm}"`,
      parameters: { simArm: parameters.arm },
    }),
  });
}
