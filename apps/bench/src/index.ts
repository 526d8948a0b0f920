export {
  ConfigError,
  type ConfigProblem,
  configFileNames,
  defineConfig,
  type LoadedConfig,
  loadConfig,
  PreflightError,
  preflight,
  type RatchetConfig,
  type RatchetConfigInput,
  ratchetConfigSchema,
  UsageError,
} from '@ratchet/config';
export { comparisonReport } from './comparison-report';
export { buildProgram } from './program';
export { progressPrinter } from './progress-printer';
export { type HtmlReportInput, paretoArms, renderHtmlReport } from './report';
export { RunInterruptedError } from './run-interrupted-error';
export { terminalReport } from './terminal-report';
