import { MockModelApiError } from './mock-model-api-error';
import { type MockScenario, mockScenarioSchema } from './mock-scenario';
import type { RecordedRequest } from './recorded-request';

/**
 * How model calls are answered: one scenario for every call; a list, one per call in order with the
 * last one repeating; or a function of the request, for agents whose calls do not come in a fixed
 * order (opencode asks for a session title beside the task's own call).
 */
export type MockScript = MockScenario | readonly MockScenario[] | ((request: RecordedRequest) => MockScenario);

/**
 * The scripted answers, taken one per model call.
 *
 * @throws {MockModelApiError} when a scenario does not parse or the list is empty, naming the index.
 */
export function scenarioQueue(initial: MockScript) {
  let script = parseScript(initial);
  return {
    replace(next: MockScript): void {
      script = parseScript(next);
    },
    next(request: RecordedRequest): MockScenario {
      if (typeof script === 'function') return parseScenario(script(request), 'the script function’s answer');
      const head = script[0] as MockScenario;
      if (script.length > 1) script = script.slice(1);
      return head;
    },
  };
}

function parseScript(input: MockScript): MockScenario[] | ((request: RecordedRequest) => MockScenario) {
  if (typeof input === 'function') return input;
  const list: readonly unknown[] = Array.isArray(input) ? input : [input];
  if (list.length === 0) {
    throw new MockModelApiError('script() needs at least one scenario, e.g. { kind: "success", text, usage }');
  }
  return list.map((item, index) => parseScenario(item, `scenario ${index}`));
}

function parseScenario(item: unknown, where: string): MockScenario {
  const parsed = mockScenarioSchema.safeParse(item);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(scenario)'}: ${issue.message}`);
  const shown = JSON.stringify(item)?.slice(0, 200);
  throw new MockModelApiError(
    `${where} is invalid (${issues.join('; ')}); received ${shown}; ` +
      'expected e.g. { kind: "success", text: "…", usage: { input: 10, output: 5 } } or { kind: "rate-limited" }',
    { cause: parsed.error },
  );
}
