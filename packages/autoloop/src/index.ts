export type {
  AutoloopState,
  Decision,
  GatedScore,
  IterationContext,
  IterationLogEntry,
  IterationOutcome,
  LoopMode,
  LoopSettings,
  LoopStatus,
  Orchestrator,
  ScoreEntry,
  StateStore,
  StopRule,
} from './autoloop-types';
export {
  type ImproveOrchestratorOptions,
  improveOrchestrator,
  type SearchSettings,
} from './orchestrators/improve-orchestrator';
export { AutoloopLockedError, type LockHolder } from './state/autoloop-locked-error';
export {
  AutoloopStateError,
  type AutoloopStateErrorOptions,
  type AutoloopStateProblem,
} from './state/autoloop-state-error';
export { type FileStateStoreOptions, fileStateStore } from './state/file-state-store';
export { type HandoffArgs, handoffMarkdown } from './state/handoff-markdown';
export { type ReadLogResult, readLog, type TornLine } from './state/read-log';
export { type AcquireLockOptions, acquireLock, type StateLock } from './state/state-lock';
export { type StatePaths, statePaths } from './state/state-paths';
export {
  AUTOLOOP_STATE_VERSION,
  autoloopStateSchema,
  iterationLogEntrySchema,
  parseAutoloopState,
  safeParseAutoloopState,
  scoreEntrySchema,
} from './state/state-schema';
export { type ControllerTarget, controllerTarget, TargetError } from './target/controller-target';
