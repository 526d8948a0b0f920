import { z } from 'zod';

const valueSchema = z.union([z.number().int(), z.array(z.number().int())]);
const exampleSchema = z.strictObject({ input: z.array(z.number().int()), output: valueSchema });

export const difficultyLevels = ['easy', 'medium', 'hard', 'out-of-reach'] as const;
export type DifficultyLevel = (typeof difficultyLevels)[number];

/**
 * What a dsl task shows the worker: a few input/output examples of a hidden program over one int list
 * `xs`, and the output type. Nothing about the hidden program itself: its size and depth would narrow
 * the search to the answer, so they live in the task's metadata.
 */
export const dslTaskInputSchema = z.strictObject({
  examples: z.array(exampleSchema).min(1),
  outputType: z.enum(['int', 'list']),
});
export type DslTaskInput = z.infer<typeof dslTaskInputSchema>;

/**
 * What reports may group a dsl task by (`task.metadata`): its difficulty level and the hidden target's
 * size (operators) and depth (nesting). Never shown to a worker, strategy, controller or analyst.
 */
export const dslTaskMetadataSchema = z.strictObject({
  difficulty: z.enum(difficultyLevels),
  size: z.number().int().min(1),
  depth: z.number().int().min(1),
  /** For a task drawn from a domain: the idioms its target chains, by index (reports only). */
  idioms: z.array(z.number().int().nonnegative()).optional(),
});
export type DslTaskMetadata = z.infer<typeof dslTaskMetadataSchema>;

/** The judge's reference, kept in `task.expected`: the target program and the hidden examples. */
export const dslExpectedSchema = z.strictObject({
  program: z.string().min(1),
  hidden: z.array(exampleSchema).min(1),
});
export type DslExpected = z.infer<typeof dslExpectedSchema>;
