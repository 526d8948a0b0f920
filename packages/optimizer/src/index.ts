export { type Candidate, type CandidateOrigin, componentsOf } from './candidate';
export { OptimizerError } from './optimizer-error';
export {
  type MergeRequest,
  type MergeResult,
  noProposerUsage,
  type ProposalRequest,
  type ProposalResult,
  type Proposer,
  type ProposerUsage,
  type ReflectiveAttempt,
  type ReflectiveExample,
} from './proposers/proposer';
export type { CandidateScores, ObjectiveSpec, Scalarization, ScoreMatrix, TaskScores } from './score-matrix';
