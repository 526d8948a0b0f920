export { memoryResponseCache } from '../cache/response-cache';
export { attemptInput, calculatorHandle } from '../chat/testing/attempt-input';
export { textAnswer, toolCalls, usage } from '../chat/testing/generate-results';
