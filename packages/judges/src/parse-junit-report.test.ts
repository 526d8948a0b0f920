import { describe, expect, it } from 'vitest';
import { parseJUnitReport } from './parse-junit-report';

describe('parseJUnitReport', () => {
  it('counts test cases in nested suites by their children', () => {
    const xml = `<?xml version="1.0"?>
      <testsuites>
        <testsuite name="a">
          <testcase name="1"/>
          <testcase name="2"><failure message="x">trace</failure></testcase>
          <testsuite name="inner">
            <testcase name="3"><error type="TypeError"/></testcase>
            <testcase name="4"><skipped/></testcase>
            <testcase name="5"><system-out>log</system-out></testcase>
          </testsuite>
        </testsuite>
      </testsuites>`;
    expect(parseJUnitReport(xml)).toEqual({ ok: true, counts: { passed: 2, failed: 2, skipped: 1 }, testCases: 5 });
  });

  it('reads a bare <testsuite> root, as pytest writes it', () => {
    const xml =
      '<testsuite name="pytest" tests="2"><testcase name="a"/><testcase name="b"><failure/></testcase></testsuite>';
    expect(parseJUnitReport(xml)).toEqual({ ok: true, counts: { passed: 1, failed: 1, skipped: 0 }, testCases: 2 });
  });

  it('falls back to the aggregate attributes when no test case is listed', () => {
    const xml = '<testsuites tests="10" failures="2" errors="1" skipped="3"/>';
    expect(parseJUnitReport(xml)).toEqual({ ok: true, counts: { passed: 4, failed: 3, skipped: 3 }, testCases: 0 });
  });

  it('reports an empty suite as zero tests', () => {
    expect(parseJUnitReport('<testsuites></testsuites>')).toEqual({
      ok: true,
      counts: { passed: 0, failed: 0, skipped: 0 },
      testCases: 0,
    });
  });

  it('explains malformed XML and a foreign root element', () => {
    expect(parseJUnitReport('<testsuite><testcase></testsuite>')).toEqual({
      ok: false,
      problem: expect.stringMatching(/^not well-formed XML \(line 1: /),
    });
    expect(parseJUnitReport('<html><body/></html>')).toEqual({
      ok: false,
      problem: 'the root element is neither <testsuites> nor <testsuite>',
    });
    expect(parseJUnitReport('')).toMatchObject({ ok: false });
  });
});
