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
  type AutoloopCommandContext,
  autoloopCommand,
} from './cli/autoloop-command';
export {
  type AutoloopFlagValues,
  type AutoloopInvocation,
  addAutoloopFlags,
  autoloopInvocation,
  loopModes,
} from './cli/autoloop-flags';
export { loadConfiguredTarget } from './cli/load-target';
export { type LoadedTarget, type RunAutoloopOptions, runAutoloop } from './cli/run-autoloop';
export { abortableSleep } from './loop/abortable-sleep';
export { InvalidLoopSettingsError } from './loop/invalid-loop-settings-error';
export { iterationOutcomeSchema } from './loop/iteration-outcome-schema';
export { LoopError } from './loop/loop-error';
export { formatLoopProgress, type LoopProgress } from './loop/loop-progress';
export { applyOutcome, createLoopState, resumeLoopState } from './loop/loop-state';
export { MemoryStateStore } from './loop/memory-state-store';
export { type MeteredIterationContext, reportSpend } from './loop/metered-context';
export { type LoopExitCode, type LoopResult, type RunLoopOptions, runLoop } from './loop/run-loop';
export { ScriptExhaustedError } from './loop/script-exhausted-error';
export {
  type ScriptedOrchestrator,
  type ScriptStep,
  scriptedError,
  scriptedKeep,
  scriptedOrchestrator,
  scriptedReject,
} from './loop/scripted-orchestrator';
export { type SimulatedOrchestratorOptions, simulatedOrchestrator } from './loop/simulated-orchestrator';
export { StateTargetMismatchError } from './loop/state-target-mismatch-error';
export {
  consecutiveErrorsRule,
  costCapBeforeStartRule,
  costCapRule,
  estimatedIterationCostUsd,
  firstStopRule,
  initialTargetHashField,
  initialTargetHashOf,
  isImprovement,
  maxIterationsRule,
  minAlternationWindow,
  oscillationRule,
  plateauCounter,
  plateauRule,
  type StopVerdict,
  statusForRule,
  wouldCrossCap,
} from './loop/stop-rules';
export { validateLoopSettings } from './loop/validate-loop-settings';
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
export {
  type ControllerTarget,
  type ControllerTargetOptions,
  controllerTarget,
} from './target/controller-target';
export { TargetError } from './target/target-error';
