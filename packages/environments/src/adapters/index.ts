export { AdapterError } from './adapter-error';
export { type AdapterOptionIssue, AdapterOptionsError } from './adapter-options-error';
export {
  type JsonlDatasetHandle,
  type JsonlDatasetOptions,
  jsonlDataset,
  jsonlDatasetEnvironment,
} from './jsonl-dataset-environment';
export { JsonlDatasetError } from './jsonl-dataset-error';
export { type JsonlJudgeConfig, jsonlJudgeConfigSchema } from './jsonl-judge-config';
export { type JsonlTask, jsonlTaskSchema, readJsonlDataset } from './read-jsonl-dataset';
export { type InvalidTaskFolder, readTaskDirectory, type TaskFolder } from './read-task-directory';
export { taskDirectory } from './task-directory';
export {
  type TaskDirectoryExpected,
  type TaskDirectoryHandle,
  type TaskDirectoryInput,
  type TaskDirectoryOptions,
  taskDirectoryEnvironment,
} from './task-directory-environment';
export { TaskDirectoryError } from './task-directory-error';
export { type TaskDirectoryJudgeOptions, taskDirectoryJudge } from './task-directory-judge';
export { type SplitsJson, splitsJsonSchema, type TaskJson, taskJsonSchema } from './task-json';
export { type TestCommand, type TestCommandInput, testCommandSchema } from './test-command';
export { type ValidateJsonlDatasetOptions, validateJsonlDataset } from './validate-jsonl-dataset';
export { type ValidateTaskDirectoryOptions, validateTaskDirectory } from './validate-task-directory';
export type {
  TaskValidation,
  ValidationProblem,
  ValidationProblemCode,
  ValidationReport,
} from './validation-report';
