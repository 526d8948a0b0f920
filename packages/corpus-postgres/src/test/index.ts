export { testDatabase, testServerUrl, testServerVariable } from './test-server';
