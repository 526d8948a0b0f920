export { MockJudge, type MockJudgeBehavior, type MockJudgeCall, type MockJudgment } from './mock-judge';
export { isRunning, waitUntilGone } from './process-state';
