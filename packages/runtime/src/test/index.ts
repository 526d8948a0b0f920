export { type ScriptedHandle, scriptedEnvironment } from './scripted-environment';
export { type ScriptedWorker, scriptedWorker, unknownUsage } from './scripted-worker';
