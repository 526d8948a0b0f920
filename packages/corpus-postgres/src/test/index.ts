export {
  describeTestServer,
  type TestBackend,
  testBackend,
  testDatabase,
  testModeVariable,
  testServerUrl,
  testServerVariable,
} from './test-server';
