export { type AnalystAnswer, acceptedAnswerSchema, analystAnswerSchema } from './analyst-answer-schema';
export { type CompressedTrace, type CompressionNote, compressTrace } from './compress-trace';
export { estimateTokens } from './estimate-tokens';
export { type LlmAnalystConfig, llmAnalyst } from './llm-analyst';
export { MalformedAnalystOutputError } from './malformed-analyst-output-error';
