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
export { type ControllerTarget, controllerTarget, TargetError } from './target/controller-target';
