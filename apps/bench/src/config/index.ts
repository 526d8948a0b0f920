export type { ArmConfig } from './arm-config';
export type { EnvironmentConfig } from './environment-config';
export { defineConfig, type RatchetConfig, type RatchetConfigInput, ratchetConfigSchema } from './ratchet-config';
export type { AnalystConfig, WorkerConfig } from './worker-config';
