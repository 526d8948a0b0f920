export { type ScriptedHandle, scriptedEnvironment } from './scripted-environment';
export { type ScriptedWorker, scriptedWorker } from './scripted-worker';
