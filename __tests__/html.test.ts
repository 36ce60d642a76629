import { describe, expect, it } from '@jest/globals'
import {
  details,
  escapeHtml,
  escapeLine,
  preformatted,
  table,
  tableRow
} from '../src/html.js'

describe('escapeHtml', () => {
  it.each([
    ['leaves plain text alone', 'a red sneaker', 'a red sneaker'],
    ['escapes an ampersand first', '&lt;', '&amp;lt;'],
    ['escapes tags', '<img onerror=x>', '&lt;img onerror=x&gt;'],
    ['escapes both quotes', `"it's"`, '&quot;it&#39;s&quot;'],
    ['escapes backticks', '`code`', '&#96;code&#96;'],
    ['escapes pipes', 'a | b', 'a &#124; b'],
    [
      'keeps a closing code block closed',
      '</code></pre><script>',
      '&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;'
    ],
    ['keeps line breaks', 'a\nb', 'a\nb'],
    ['keeps other characters', 'ünï ✅ *_[x](y)', 'ünï ✅ *_[x](y)']
  ])('%s', (_name, text, expected) => {
    expect(escapeHtml(text)).toBe(expected)
  })
})

describe('escapeLine', () => {
  it.each([
    ['joins lines with a space', 'a\nb', 'a b'],
    ['removes blank lines and their indent', 'a\n\n   b', 'a b'],
    ['handles carriage returns', 'a\r\n\r\nb\rc', 'a b c'],
    ['still escapes', '<b>\n`x`', '&lt;b&gt; &#96;x&#96;']
  ])('%s', (_name, text, expected) => {
    expect(escapeLine(text)).toBe(expected)
  })
})

describe('tables', () => {
  it('writes header cells as escaped text and body cells as given', () => {
    const html = table(['A <b>', 'B'], [['<em>1</em>', '2']])
    expect(html).toBe([
      '<table>',
      '<tr><th>A &lt;b&gt;</th><th>B</th></tr>',
      '<tr><td><em>1</em></td><td>2</td></tr>',
      '</table>'
    ].join('\n'))
  })

  it('writes a row of data cells by default', () => {
    expect(tableRow(['x'])).toBe('<tr><td>x</td></tr>')
  })
})

describe('preformatted', () => {
  it('escapes the text', () => {
    expect(preformatted('</code></pre><script>'))
      .toBe('<pre><code>&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;</code></pre>')
  })

  it('writes no blank source line, which would end the HTML block', () => {
    const html = preformatted('a\n\n  \r\nb\n')
    expect(html).not.toMatch(/\n[ \t]*\n/)
    expect(html).toBe('<pre><code>a&#10;&#10;  \nb&#10;</code></pre>')
  })
})

describe('details', () => {
  it('folds an escaped body under an escaped one-line title', () => {
    expect(details('x\n<y>', '{"a": "`b`"}')).toBe([
      '<details><summary>x &lt;y&gt;</summary>',
      '<pre><code>{&quot;a&quot;: &quot;&#96;b&#96;&quot;}</code></pre>',
      '</details>'
    ].join('\n'))
  })
})
