// @ratchet/autoloop: the persistent improvement loop (issue 16). Its public API is built up here.

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
