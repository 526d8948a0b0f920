export { type CandidateOfOptions, candidateOf } from './candidate-of';
export { type DialFamilyOptions, dialController, dialControllerSchema, dialFamily, dialSecret } from './dial-family';
export { ScriptExhaustedError } from './script-exhausted-error';
export {
  type ScriptedProposal,
  type ScriptedProposer,
  type ScriptedProposerOptions,
  scriptedProposer,
  unmeasuredProposerUsage,
} from './scripted-proposer';
