export { simController, simControllerSchema } from './sim-controller';
export { type SimEnvironmentOptions, simEnvironment, simSucceeded } from './sim-environment';
export {
  type SimFamilyOptions,
  type SimFamilyOptionsInput,
  simFamily,
  simOptionsSchema,
} from './sim-family';
export { simJudge } from './sim-judge';
export { type SimOptionIssue, SimOptionsError } from './sim-options-error';
export { simSuccessProbability, simTopologySuccessRate, simTrueSuccessRate } from './sim-success-probability';
export { type SimInput, type SimTasksOptions, simNotice, simTasks } from './sim-tasks';
export { cellSeedOf, type SimWorkerOptions, simArmOf, simSteered, simUnsteered, simWorker } from './sim-worker';
