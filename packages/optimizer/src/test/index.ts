export { type CandidateOfOptions, candidateOf } from './candidate-of';
export { ScriptExhaustedError } from './script-exhausted-error';
export {
  type ScriptedProposal,
  type ScriptedProposer,
  type ScriptedProposerOptions,
  scriptedProposer,
  unmeasuredProposerUsage,
} from './scripted-proposer';
