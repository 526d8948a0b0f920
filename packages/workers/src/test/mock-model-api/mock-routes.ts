/** The APIs the mock serves. */
export type MockApiName =
  | 'anthropic-messages'
  | 'anthropic-count-tokens'
  | 'openai-responses'
  | 'openai-chat-completions'
  | 'models';

const routes: ReadonlyArray<readonly [method: string, path: string, api: MockApiName]> = [
  ['POST', '/messages', 'anthropic-messages'],
  ['POST', '/messages/count_tokens', 'anthropic-count-tokens'],
  ['POST', '/responses', 'openai-responses'],
  ['POST', '/chat/completions', 'openai-chat-completions'],
  ['GET', '/models', 'models'],
];

/**
 * The API a request is for. The `/v1` prefix is optional, since clients differ on whether the base
 * URL includes it (Claude Code appends `/v1/messages`; an OpenAI base URL usually ends in `/v1`).
 */
export function apiOf(method: string, path: string): MockApiName | null {
  const bare = path.replace(/\/+$/, '').replace(/^\/v1(?=\/)/, '');
  for (const [routeMethod, routePath, api] of routes) {
    if (method === routeMethod && bare === routePath) return api;
  }
  return null;
}
