import { escapeHtml } from './escape-html';

/**
 * A `<script type="application/json">` element holding `value`. Every `<` is written as `\u003c`
 * (still valid JSON), so no string in the data can close the element or open a comment.
 *
 * @example jsonScriptElement('data', { id: '</script>' })
 * // => '<script type="application/json" id="data">{"id":"\u003c/script>"}</script>'
 */
export function jsonScriptElement(id: string, value: unknown): string {
  const json = JSON.stringify(value).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${escapeHtml(id)}">${json}</script>`;
}
