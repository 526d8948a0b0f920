export { buildCellRecord, buildManifest, buildRunRecord, buildVerdict } from './record-builders';
