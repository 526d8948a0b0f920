// `@ratchet/bench/config`: what a user's ratchet.config.ts imports. The config layer lives in
// `@ratchet/config`; this subpath stays so configs written against the CLI keep working.
export type {
  AnalystConfig,
  ArmConfig,
  EnvironmentConfig,
  RatchetConfig,
  RatchetConfigInput,
  WorkerConfig,
} from '@ratchet/config';
export { defineConfig, ratchetConfigSchema } from '@ratchet/config';
