export * from './adapters';
export * from './dsl';
export { EnvironmentsError } from './environments-error';
export { loadSolver } from './load-solver';
export * from './sat';
export * from './sim';
export { type SolverPoolOptions, solverPool } from './solver-pool';
export { registerSolver, type SolverFunction, type SolverModule, solverModuleOf } from './solver-registry';
export { inProcessRunner, type SolverRunner } from './solver-runner';
