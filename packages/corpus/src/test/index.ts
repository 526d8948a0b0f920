export { corpusContract } from './corpus-contract';
export {
  buildCandidateRecord,
  buildCellRecord,
  buildGateRecord,
  buildIterationRecord,
  buildLibraryRecord,
  buildManifest,
  buildOptimizationRecord,
  buildRunRecord,
  buildVerdict,
} from './record-builders';
