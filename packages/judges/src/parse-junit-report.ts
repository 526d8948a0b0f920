import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import type { TestCounts } from './test-counts';

const count = z.coerce.number().int().nonnegative();
/** The aggregate attributes of a root `<testsuites>` or `<testsuite>`, used when it lists no test cases. */
const aggregateSchema = z.object({
  '@_tests': count,
  '@_failures': count.default(0),
  '@_errors': count.default(0),
  '@_skipped': count.default(0),
  '@_disabled': count.default(0),
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['testsuite', 'testcase', 'failure', 'error', 'skipped'].includes(name),
});

/** A JUnit report that could be read, or why it could not. */
export type JUnitParse = { ok: true; counts: TestCounts; testCases: number } | { ok: false; problem: string };

/**
 * Counts the results in a JUnit XML report (the format of JUnit, pytest `--junitxml`, jest-junit,
 * vitest's `junit` reporter, go-junit-report). Each `<testcase>` counts once: failed when it holds a
 * `<failure>` or `<error>`, skipped when it holds `<skipped>`, passed otherwise; nested suites are
 * walked. A root with no test cases falls back to its `tests`/`failures`/`errors`/`skipped` attributes.
 *
 * @example
 * parseJUnitReport('<testsuite tests="2"><testcase name="a"/><testcase name="b"><failure/></testcase></testsuite>');
 * // => { ok: true, counts: { passed: 1, failed: 1, skipped: 0 }, testCases: 2 }
 */
export function parseJUnitReport(xml: string): JUnitParse {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    return { ok: false, problem: `not well-formed XML (line ${validation.err.line}: ${validation.err.msg})` };
  }
  const document: unknown = parser.parse(xml);
  const root = asRecord(document)?.testsuites ?? asRecord(document)?.testsuite;
  const roots = (Array.isArray(root) ? root : [root]).map(asRecord).filter((node) => node !== undefined);
  if (roots.length === 0) {
    return { ok: false, problem: 'the root element is neither <testsuites> nor <testsuite>' };
  }

  const counts: TestCounts = { passed: 0, failed: 0, skipped: 0 };
  let testCases = 0;
  const visit = (node: Record<string, unknown>): void => {
    for (const testCase of asArray(node.testcase)) {
      testCases++;
      if (asArray(testCase.failure).length > 0 || asArray(testCase.error).length > 0) counts.failed++;
      else if (asArray(testCase.skipped).length > 0) counts.skipped++;
      else counts.passed++;
    }
    for (const suite of asArray(node.testsuite)) visit(suite);
  };
  for (const node of roots) visit(node);
  if (testCases > 0) return { ok: true, counts, testCases };

  for (const node of roots) {
    const aggregate = aggregateSchema.safeParse(node);
    if (!aggregate.success) continue;
    const a = aggregate.data;
    const failed = a['@_failures'] + a['@_errors'];
    const skipped = a['@_skipped'] + a['@_disabled'];
    counts.failed += failed;
    counts.skipped += skipped;
    counts.passed += Math.max(0, a['@_tests'] - failed - skipped);
  }
  return { ok: true, counts, testCases };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : // An empty element such as <testsuite/> parses as '' and still counts as a root.
      value === ''
      ? {}
      : undefined;
}

function asArray(value: unknown): Record<string, unknown>[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) => asRecord(item) ?? {});
}
