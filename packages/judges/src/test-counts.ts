/** Test results read from a report. Skipped and todo tests count as neither passed nor failed. */
export interface TestCounts {
  passed: number;
  /** Failed tests, JUnit errors included. */
  failed: number;
  skipped: number;
}
