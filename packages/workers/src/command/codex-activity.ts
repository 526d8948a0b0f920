import type { CodexRetryNotice } from './codex-provider-failure';
import type { AgentActivity } from './event-stream-parser';
import { type JsonObject, stringField } from './json-fields';

/** Characters of a command or message kept in an activity. */
const maxChars = 120;

/**
 * What codex was doing, as of the `codex exec --json` events read so far: retrying the model API
 * (a `Reconnecting...` notice stands until the next event), running a tool it started, waiting for
 * the model within a turn, or what it did last. Codex 0.169 reports nothing while it waits for a
 * model call, so a provider that never answers shows as `waiting for the model's response`.
 *
 * @example
 * const activity = new CodexActivity();
 * activity.turnStarted();
 * activity.retrying(codexRetryNotice('Reconnecting... waiting for network (Connection failed: error sending request)'));
 * activity.current();
 * // => { text: 'retrying the API, waiting for the network (1 failed try): Connection failed: error sending request',
 * //      providerRetry: { kind: 'network', message: 'Connection failed: error sending request' } }
 */
export class CodexActivity {
  #retry: (CodexRetryNotice & { count: number }) | null = null;
  readonly #running = new Map<string, string>();
  #inTurn = false;
  #last: string | null = null;

  /** A retry notice: counted while codex keeps waiting for the network, which it does for ever. */
  retrying(notice: CodexRetryNotice): void {
    const sameWait = this.#retry !== null && this.#retry.attempt === null && notice.attempt === null;
    this.#retry = { ...notice, count: sameWait ? (this.#retry?.count ?? 0) + 1 : 1 };
  }

  turnStarted(): void {
    this.#retry = null;
    this.#inTurn = true;
  }

  /** The turn is over (`after finishing its turn`, `after its turn failed: …`). */
  turnEnded(what: string): void {
    this.#retry = null;
    this.#inTurn = false;
    this.#running.clear();
    this.#last = short(what);
  }

  item(phase: 'started' | 'updated' | 'completed', item: JsonObject): void {
    this.#retry = null;
    const id = stringField(item, 'id') ?? '';
    const doing = toolActivity(item);
    if (phase !== 'completed') {
      if (doing !== null) this.#running.set(id, doing);
      return;
    }
    this.#running.delete(id);
    this.#last = doing === null ? (itemDone(item) ?? this.#last) : `after ${doing.replace(/^running /, '')} finished`;
  }

  current(): AgentActivity | null {
    const retry = this.#retry;
    if (retry !== null) {
      const said = short(retry.failure.message);
      const text =
        retry.attempt === null
          ? `retrying the API, waiting for the network (${retry.count} failed ${retry.count === 1 ? 'try' : 'tries'}): ${said}`
          : `retrying the API (try ${retry.attempt}): ${said}`;
      return { text, providerRetry: retry.failure };
    }
    const tool = [...this.#running.values()].at(-1);
    if (tool !== undefined) return { text: tool };
    if (this.#inTurn) {
      return {
        text:
          this.#last === null ? "waiting for the model's response" : `waiting for the model's response, ${this.#last}`,
      };
    }
    return this.#last === null ? null : { text: this.#last };
  }
}

/** What a tool item is doing while it runs, or null for items that are not tool use. */
function toolActivity(item: JsonObject): string | null {
  switch (stringField(item, 'type')) {
    case 'command_execution':
      return `running command ${short(stringField(item, 'command') ?? '')}`;
    case 'mcp_tool_call':
      return `running tool ${stringField(item, 'server') ?? 'mcp'}/${stringField(item, 'tool') ?? 'tool'}`;
    case 'file_change':
      return 'running a file change';
    default:
      return null;
  }
}

/** What a completed item that is not tool use shows the agent did, or null when it says nothing. */
function itemDone(item: JsonObject): string | null {
  switch (stringField(item, 'type')) {
    case 'agent_message':
      return 'after writing a message';
    case 'reasoning':
      return 'after reasoning';
    case 'web_search':
      return 'after a web search';
    case 'error':
      return `after an error: ${short(stringField(item, 'message') ?? '')}`;
    default:
      return null;
  }
}

function short(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > maxChars ? `${line.slice(0, maxChars)}…` : line;
}
