// @ratchet/autoloop: the persistent improvement loop (issue 16). Its public API is built up here.

export { abortableSleep } from './loop/abortable-sleep';
export { InvalidLoopSettingsError } from './loop/invalid-loop-settings-error';
export { iterationOutcomeSchema } from './loop/iteration-outcome-schema';
export { LoopError } from './loop/loop-error';
export { type HandoffArgs, simpleHandoffMarkdown } from './loop/loop-handoff';
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
