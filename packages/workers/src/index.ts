export * from './analyst';
export { fileResponseCache, memoryResponseCache, type ResponseCache, responseCacheKey } from './cache/response-cache';
export * from './chat';
export * from './command';
export { defaultPrices } from './pricing/default-prices';
export { costOf, type MeteredCall, priceOf } from './pricing/estimate-cost';
export {
  loadPriceTable,
  type ModelPrice,
  modelPriceSchema,
  type PriceTable,
  priceTableSchema,
} from './pricing/price-table';
export { credentialPatterns, redactedMarker, redactJson, redactText, secretValues } from './redaction/redact-secrets';
export { withRedaction } from './redaction/with-redaction';
export { WorkerConfigError } from './worker-config-error';
