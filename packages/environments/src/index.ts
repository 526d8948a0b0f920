export * from './adapters';
export * from './dsl';
export { EnvironmentsError } from './environments-error';
export * from './sat';
export * from './sim';
export { type SolverPoolOptions, solverPool } from './solver-pool';
export { inProcessRunner, registerSolver, type SolverName, type SolverRunner } from './solver-runner';
