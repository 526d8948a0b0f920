export { authorPrompt, revisionPrompt } from './authoring/author-prompt';
export { authorStrategy } from './authoring/author-strategy';
export type {
  AuthoredProgram,
  AuthoringDraft,
  AuthoringExample,
  AuthoringResult,
  AuthoringUsage,
  AuthorStrategyOptions,
  SmokeResult,
} from './authoring/authoring-types';
export { type ProgramBlock, programBlock } from './authoring/program-block';
