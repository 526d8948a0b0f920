export { describeTestServer, testDatabase, testServerUrl, testServerVariable } from './test-server';
