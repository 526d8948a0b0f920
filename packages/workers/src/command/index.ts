export { aider } from './aider';
export { aiderParser } from './aider-parser';
export { claudeCode } from './claude-code';
export { claudeCodeParser } from './claude-code-parser';
export { codex } from './codex';
export { codexParser } from './codex-parser';
export { commandWorker } from './command-worker';
export { CommandWorkerError, type CommandWorkerFailure } from './command-worker-error';
export { type CommandWorkerOptions, commandWorkerOptionsSchema } from './command-worker-options';
export { detectRateLimit, type RateLimitHint } from './detect-rate-limit';
export type {
  AgentActivity,
  EventStreamParser,
  EventStreamParserFactory,
  ProviderFailure,
  ProviderFailureKind,
  StreamStatus,
  StreamSummary,
  TraceEventDraft,
} from './event-stream-parser';
export { providerFailureKinds } from './event-stream-parser';
export { InvalidWorkerOptionsError, type OptionIssue } from './invalid-worker-options-error';
export { opencode } from './opencode';
export { opencodeParser } from './opencode-parser';
export { plainTextParser } from './plain-text-parser';
export {
  type AgentPreflight,
  type AgentPreflightOptions,
  type AgentPresetName,
  agentPresetNames,
  preflightAgent,
} from './preflight-agent';
export { type PresetOptions, presetOptionsSchema } from './preset-options';
export type { FailureHints } from './provider-failure-error';
export { type ArgsFunction, defaultRenderPrompt, type PromptTexts } from './render-args';
export { streamUsage } from './stream-usage';
