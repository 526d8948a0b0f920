import type { JsonValue } from '@ratchet/corpus';
import { fenced } from './fenced-block';
import type { SchemaNode } from './parameter-space';
import type { ReflectiveDataset } from './reflective-dataset';

/** What the model is asked to do with the examples, unless the caller states it for its family. */
export const defaultReflectionInstructions = [
  'Read the examples. Find where the steers failed the attempts: what they left unsaid, what they said',
  'that misled, what the better-scoring attempts did that the others did not. Then write a new value',
  'for the component that would steer better on tasks like these: general advice that carries over to',
  'new tasks, not answers to these ones.',
].join(' ');

export interface ReflectivePromptInput {
  readonly component: string;
  /** The parent's value; undefined when the parent does not set the component. */
  readonly value: JsonValue | undefined;
  /** The component's JSON Schema, shown for a JSON component so the answer can respect its bounds. */
  readonly componentSchema: SchemaNode | undefined;
  readonly dataset: ReflectiveDataset;
  readonly datasetTokenBudget: number;
  readonly maxComponentChars: number;
  readonly instructions: string;
}

function leftOutNote({ dataset, datasetTokenBudget }: ReflectivePromptInput): string | null {
  const { examplesLeftOut, attemptsLeftOut, examplesShown } = dataset;
  if (examplesLeftOut === 0 && attemptsLeftOut === 0) return null;
  const total = examplesShown + examplesLeftOut;
  const parts = [
    ...(examplesLeftOut === 0 ? [] : [`${examplesLeftOut} of ${total} examples`]),
    ...(attemptsLeftOut === 0 ? [] : [`the last ${attemptsLeftOut} attempt(s) of example ${examplesShown}`]),
  ];
  return `(Left out to fit the budget of ${datasetTokenBudget} tokens: ${parts.join(' and ')}.)`;
}

/**
 * The reflection prompt: the component and its current value, the minibatch (already cut to its
 * budget), what was left out, the guidance, and the answer format the proposer then validates: one
 * fenced block holding the new value (text, or JSON for a JSON component).
 */
export function buildReflectivePrompt(input: ReflectivePromptInput): string {
  const { component, value, dataset } = input;
  const isText = typeof value === 'string';
  const current =
    value === undefined ? '(not set)' : isText ? fenced(value) : fenced(JSON.stringify(value, null, 2), 'json');
  const sections = [
    'You are improving one component of a controller: the policy that steers an AI agent (the worker) across attempts at a task. After each attempt, the controller tells the next attempt what to do (the steer).',
    `The component to rewrite is \`${component}\`. Its current value:\n${current}`,
    ...(isText || input.componentSchema === undefined
      ? []
      : [
          `Its value is JSON and must satisfy this JSON Schema:\n${fenced(JSON.stringify(input.componentSchema), 'json')}`,
        ]),
    'Below are tasks the controller ran with this value: for each, the task input and its score (higher is better), and for each attempt the steer it was given, its output, its checks, its trace summary and any failure.',
    dataset.examplesShown === 0 ? '(No example fits the budget.)' : dataset.text,
    ...[leftOutNote(input)].filter((note): note is string => note !== null),
    input.instructions,
    isText
      ? `Answer with the new value of \`${component}\` as plain text inside one fenced block (\`\`\`), at most ${input.maxComponentChars} characters, and nothing else inside the block.`
      : `Answer with the new value of \`${component}\` as JSON inside one fenced block (\`\`\`json), and nothing else inside the block.`,
  ];
  return sections.join('\n\n');
}
