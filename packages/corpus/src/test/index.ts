export { corpusContract } from './corpus-contract';
export {
  buildCandidateRecord,
  buildCellRecord,
  buildFlywheelRecord,
  buildGateRecord,
  buildIterationRecord,
  buildLibraryRecord,
  buildManifest,
  buildOptimizationRecord,
  buildRunRecord,
  buildVerdict,
} from './record-builders';
