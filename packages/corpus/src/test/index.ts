export { corpusContract } from './corpus-contract';
export { buildCellRecord, buildManifest, buildRunRecord, buildVerdict } from './record-builders';
