import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html';
import { inlineScriptElement } from './inline-script-element';
import { jsonScriptElement } from './json-script-element';

describe('escapeHtml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('jsonScriptElement', () => {
  it('writes < as \\u003c so a string cannot close the element, and round-trips', () => {
    const value = { name: '</script><script>alert(1)</script>', note: '<!-- x' };
    const element = jsonScriptElement('data', value);
    expect(element.match(/<\/script>/g)).toHaveLength(1);
    expect(element).not.toContain('<!--');
    const json = element.slice(element.indexOf('>') + 1, element.lastIndexOf('</script>'));
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('inlineScriptElement', () => {
  it('breaks up </script and <!-- so the code keeps its meaning and the element ends once', () => {
    const element = inlineScriptElement("var s = '</script><!--';");
    expect(element.match(/<\/script/gi)).toHaveLength(1);
    const code = element.slice('<script>\n'.length, -'\n</script>'.length);
    expect(new Function(`${code}; return s;`)()).toBe('</script><!--');
  });
});
