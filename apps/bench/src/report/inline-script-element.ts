/**
 * A classic `<script>` element with `code` inline. `</script` and `<!--` inside the code are broken up
 * (`<\/script`, `<\!--`), which JavaScript reads the same within strings, regexes and comments, so the
 * element ends only where it should.
 */
export function inlineScriptElement(code: string): string {
  const safe = code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  return `<script>\n${safe}\n</script>`;
}
