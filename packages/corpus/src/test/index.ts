export { corpusContract } from './corpus-contract';
export {
  buildCandidateRecord,
  buildCellRecord,
  buildGateRecord,
  buildIterationRecord,
  buildManifest,
  buildOptimizationRecord,
  buildRunRecord,
  buildVerdict,
} from './record-builders';
