import { isAbsolute, normalize, sep } from 'node:path';
import { z } from 'zod';

/** A file inside the target folder: relative, and not climbing out of it (the target is what is improved). */
const targetFile = (example: string) =>
  z
    .string()
    .min(1)
    .refine((path) => !isAbsolute(path) && !normalize(path).split(sep).includes('..'), {
      error: `must be a path inside the target folder, relative to the config (e.g. "${example}")`,
    });

/**
 * The `autoloop` section: which files of the target folder hold the components `ratchet autoloop`
 * improves. The controller's JSON parameters live in one file; each text component (an agent skill, a
 * system prompt) in a file of its own, whose whole content is the parameter's value, so a kept
 * candidate is a plain `git diff` of the file that changed. The loop's settings are its flags.
 */
export const autoloopConfigSchema = z
  .strictObject({
    parameters: targetFile('controller.json')
      .refine((path) => path.endsWith('.json'), { error: 'must be a .json file' })
      .default('controller.json')
      .describe("The JSON file of the controller's parameters, laid over its defaults (default controller.json)."),
    texts: z
      .record(z.string().min(1), targetFile('SKILL.md'))
      .default({})
      .describe('Text components, one file each: parameter name → file, e.g. { "skill": "SKILL.md" }.'),
  })
  .superRefine((section, context) => {
    const files = [section.parameters, ...Object.values(section.texts)].map((path) => normalize(path));
    files.forEach((file, index) => {
      if (files.indexOf(file) !== index) {
        context.addIssue({ code: 'custom', path: ['texts'], message: `names ${file} twice: one file per component` });
      }
    });
  })
  .describe('`ratchet autoloop`: the files of the target folder that hold the components it improves.');
export type AutoloopConfig = z.output<typeof autoloopConfigSchema>;
