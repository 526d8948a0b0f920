export { memoryResponseCache } from '../cache/response-cache';
export { attemptInput, calculatorHandle } from '../chat/testing/attempt-input';
export { textAnswer, toolCalls, usage } from '../chat/testing/generate-results';
export { MockModelApiError } from './mock-model-api/mock-model-api-error';
export type { MockApiName } from './mock-model-api/mock-routes';
export {
  type MockScenario,
  type MockScenarioKind,
  type MockUsage,
  mockScenarioSchema,
  mockUsageSchema,
} from './mock-model-api/mock-scenario';
export { maskSecret, type RecordedRequest } from './mock-model-api/recorded-request';
export type { MockScript } from './mock-model-api/scenario-queue';
export {
  type MockModelApi,
  type MockModelApiOptions,
  startMockModelApi,
} from './mock-model-api/start-mock-model-api';
