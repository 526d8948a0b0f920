import { z } from 'zod';
import { defineController } from '../contracts/controller';
import { retryText } from './default-controller';

/** Longest skill text: a SKILL.md of a few pages, well under a steer's 100,000 characters. */
export const maxSkillChars = 20_000;

/** The skill controller's parameter space: the skill itself, and how a retry lists findings. */
export const skillControllerSchema = z.strictObject({
  skill: z.string().max(maxSkillChars),
  preamble: z.string().max(2000),
  closing: z.string().max(2000),
  maxFindings: z.number().int().min(0).max(20),
});

/**
 * A controller whose main component is a text every attempt is given: an agent skill (`SKILL.md`), a
 * system prompt, a house style. A fresh attempt is told the skill; a retry is told the skill, then the
 * strongest findings of the last attempt as the generic controller lists them. The skill is a text
 * component, so the reflective proposer rewrites it and the autoloop keeps it in a file of its own.
 * An empty skill gives a fresh attempt no steer, as the generic controller does.
 */
export const skillController = defineController({
  id: 'skill',
  schema: skillControllerSchema,
  parameters: {
    skill: '',
    preamble: 'Your previous attempt did not pass every check. Observations from its trace:',
    closing: 'Address these observations in this attempt.',
    maxFindings: 5,
  },
  initial(_task, parameters) {
    return parameters.skill.trim() === '' ? null : { text: parameters.skill, parameters: { skill: true } };
  },
  steer(findings, _history, parameters) {
    const retry = retryText(findings, parameters);
    const skill = parameters.skill.trim() !== '';
    return {
      text: skill ? `${parameters.skill.trimEnd()}\n\n${retry.text}` : retry.text,
      parameters: { skill, findings: retry.listed },
    };
  },
});
