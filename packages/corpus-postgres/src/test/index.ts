export {
  describeTestServer,
  type TestBackend,
  testBackend,
  testDatabase,
  testServerUrl,
  testServerVariable,
} from './test-server';
