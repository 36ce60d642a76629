import { describe, expect, it } from '@jest/globals'
import { parseSource, sourcePathSegment, type Source } from '../src/sources.js'

const NOT_A_SOURCE = /expected a 20-character Filestack handle/
const ALIAS_FORM = /src:\/\/ALIAS\/PATH/
const CONTROL = /control character/

function parsed(text: string): Source {
  const source = parseSource(text)
  if (typeof source === 'string') throw new Error(`refused ${JSON.stringify(text)}: ${source}`)
  return source
}

/** The bytes a `b64://` segment carries, read back the way the server would. */
function decodeSegment(segment: string): Buffer {
  const encoded = segment.slice('b64://'.length)
  expect(encoded).toMatch(/^[A-Za-z0-9_-]+={0,2}$/)
  expect(encoded.length % 4).toBe(0)
  return Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
}

describe('parseSource', () => {
  it.each([
    { name: 'a 20-character handle', text: 'pR4oeS63QLmYIFNs2ZvZ', kind: 'handle' },
    { name: 'a handle with - and _', text: 'abc_DEF-ghi_JKL-mnop', kind: 'handle' },
    { name: 'an https URL', text: 'https://example.com/a/b.png', kind: 'url' },
    { name: 'an http URL', text: 'http://example.com/a.png', kind: 'url' },
    { name: 'an upper-case scheme', text: 'HTTPS://EXAMPLE.COM/A.PNG', kind: 'url' },
    { name: 'a URL without a path', text: 'https://example.com', kind: 'url' },
    { name: 'a URL with a query', text: 'https://example.com/a.png?x=1&y=2', kind: 'url' },
    { name: 'a URL with a port', text: 'https://example.com:8443/a.png', kind: 'url' },
    { name: 'a URL with non-ASCII in the path', text: 'https://example.com/café.png', kind: 'url' },
    { name: 'a storage alias', text: 'src://alias/path/file.png', kind: 'alias' },
    { name: 'an alias with . - _ in its name', text: 'src://my.alias-1_x/a', kind: 'alias' }
  ])('accepts $name as $kind', ({ text, kind }) => {
    expect(parseSource(text)).toEqual({ text, kind })
  })

  it('keeps the text exactly as written, not as the URL parser would rewrite it', () => {
    const text = 'HTTPS://Example.COM/a/../b c.png'
    expect(parsed(text).text).toBe(text)
  })

  it.each([
    { name: 'a 19-character handle', text: 'pR4oeS63QLmYIFNs2Zv', reason: NOT_A_SOURCE },
    { name: 'a 21-character handle', text: 'pR4oeS63QLmYIFNs2ZvZx', reason: NOT_A_SOURCE },
    {
      name: 'a handle with a fullwidth letter',
      text: 'pR4oeS63QLmYIFNs2ZvＺ',
      reason: NOT_A_SOURCE
    },
    { name: 'a handle with a Cyrillic а', text: 'pR4oeS63QLmYIFNs2Zvа', reason: NOT_A_SOURCE },
    { name: 'a handle with a dot', text: 'pR4oeS63QLmYIFNs2Zv.', reason: NOT_A_SOURCE },
    { name: 'an empty line', text: '', reason: NOT_A_SOURCE },
    { name: 'a Cyrillic һ in the scheme', text: 'һttps://example.com/a.png', reason: NOT_A_SOURCE },
    { name: 'a fullwidth scheme', text: 'ｈｔｔｐｓ://example.com/a.png', reason: NOT_A_SOURCE },
    { name: 'ftp', text: 'ftp://example.com/a.png', reason: NOT_A_SOURCE },
    { name: 'javascript:', text: 'javascript:alert(1)', reason: NOT_A_SOURCE },
    { name: 'data:', text: 'data:text/plain,hello', reason: NOT_A_SOURCE },
    { name: 'file://', text: 'file:///etc/passwd', reason: NOT_A_SOURCE },
    { name: 'a protocol-relative URL', text: '//example.com/a.png', reason: NOT_A_SOURCE },
    { name: 'a local path', text: './images/a.png', reason: NOT_A_SOURCE },
    { name: 'a workflow output source', text: 'wf://a/b/c', reason: NOT_A_SOURCE },
    { name: 'a URL without a host', text: 'https://', reason: /not a valid URL/ },
    {
      name: 'a URL with a space in the host',
      text: 'https://exa mple.com/a',
      reason: /not a valid URL/
    },
    {
      name: 'a URL with a bad port',
      text: 'https://example.com:99999/a',
      reason: /not a valid URL/
    },
    { name: 'src:/x', text: 'src:/x', reason: ALIAS_FORM },
    { name: 'an alias without a path', text: 'src://alias', reason: ALIAS_FORM },
    { name: 'an alias with an empty path', text: 'src://alias/', reason: ALIAS_FORM },
    { name: 'an alias with a space in its name', text: 'src://al ias/x', reason: ALIAS_FORM },
    { name: 'an alias with a slash in its name', text: 'src:///x', reason: ALIAS_FORM },
    { name: 'a newline', text: 'https://example.com/a\nb', reason: CONTROL },
    { name: 'a carriage return', text: 'https://example.com/a\rb', reason: CONTROL },
    { name: 'a tab', text: 'https://example.com/a\tb', reason: CONTROL },
    { name: 'NUL', text: 'pR4oeS63QLmYIFNs2Zv\u0000', reason: CONTROL },
    { name: 'an escape character', text: 'https://example.com/\u001b[2J', reason: CONTROL },
    { name: 'DEL', text: 'https://example.com/a\u007f', reason: CONTROL },
    { name: 'NEL (U+0085)', text: 'https://example.com/a\u0085b', reason: CONTROL },
    { name: 'a line separator (U+2028)', text: 'https://example.com/a\u2028b', reason: CONTROL },
    { name: 'a paragraph separator (U+2029)', text: 'src://alias/a\u2029b', reason: CONTROL },
    { name: 'a right-to-left override (U+202E)', text: 'https://example.com/gnp.exe\u202e', reason: CONTROL },
    { name: 'a bidi isolate (U+2066)', text: 'https://example.com/\u2066a', reason: CONTROL },
    { name: 'a zero-width space', text: 'https://exam\u200bple.com/a.png', reason: CONTROL },
    { name: 'a byte order mark', text: '\ufeffpR4oeS63QLmYIFNs2ZvZ', reason: CONTROL },
    { name: 'an alias named ..', text: 'src://../x', reason: ALIAS_FORM },
    { name: 'a URL with three slashes', text: 'http:///x/a.png', reason: /not a valid URL/ },
    { name: 'an alias named .', text: 'src://./x', reason: ALIAS_FORM }
  ])('refuses $name', ({ text, reason }) => {
    const result = parseSource(text)
    expect(typeof result).toBe('string')
    expect(result).toMatch(reason)
  })
})

describe('sourcePathSegment', () => {
  it.each([
    { name: 'a handle', text: 'pR4oeS63QLmYIFNs2ZvZ' },
    { name: 'a handle with - and _', text: 'abc_DEF-ghi_JKL-mnop' },
    { name: 'a simple URL', text: 'https://example.com/a/b.png' },
    { name: 'a URL without a path', text: 'https://example.com' },
    { name: 'a URL with a port and ~', text: 'http://example.com:8080/x~y_z.png' },
    { name: 'a storage alias', text: 'src://alias/path/to/file.png' }
  ])('sends $name as it is', ({ text }) => {
    expect(sourcePathSegment(parsed(text))).toBe(text)
  })

  it.each([
    { name: 'a query string', text: 'https://example.com/a.png?x=1' },
    { name: 'a fragment', text: 'https://example.com/a.png#top' },
    { name: 'a comma', text: 'https://example.com/a,b.png' },
    { name: 'a space', text: 'https://example.com/a b.png' },
    { name: 'a percent sign', text: 'https://example.com/a%20b.png' },
    { name: 'a double quote', text: 'https://example.com/"a".png' },
    { name: 'a single quote', text: "https://example.com/it's.png" },
    { name: 'brackets', text: 'https://example.com/[a].png' },
    { name: 'an ampersand', text: 'https://example.com/a&b.png' },
    { name: 'a plus sign', text: 'https://example.com/a+b.png' },
    { name: 'user info', text: 'https://user@example.com/a.png' },
    { name: 'non-ASCII letters', text: 'https://example.com/café.png' },
    { name: 'an emoji', text: 'https://example.com/🙂.png' },
    { name: 'a fullwidth host', text: 'https://ｅｘａｍｐｌｅ.com/a.png' },
    { name: 'a .. segment', text: 'https://example.com/a/../b.png' },
    { name: 'a . segment', text: 'https://example.com/./b.png' },
    { name: 'a trailing slash', text: 'https://example.com/dir/' },
    { name: 'an empty segment', text: 'https://example.com//b.png' },
    { name: 'an alias path with a space', text: 'src://alias/my file.png' },
    { name: 'an alias path with ..', text: 'src://alias/../other/x' }
  ])('sends a URL with $name as b64:// of its exact UTF-8 bytes', ({ text }) => {
    const segment = sourcePathSegment(parsed(text))
    expect(segment.startsWith('b64://')).toBe(true)
    expect(decodeSegment(segment).equals(Buffer.from(text, 'utf8'))).toBe(true)
  })

  it('uses - and _ where standard base64 has + and /', () => {
    const text = 'https://example.com/a?b=~~~???'
    expect(Buffer.from(text).toString('base64')).toMatch(/\+.*\//)
    expect(sourcePathSegment(parsed(text))).toBe('b64://aHR0cHM6Ly9leGFtcGxlLmNvbS9hP2I9fn5-Pz8_')
  })

  it('keeps the = padding', () => {
    const text = 'https://example.com/?q=~~~???'
    expect(sourcePathSegment(parsed(text))).toBe('b64://aHR0cHM6Ly9leGFtcGxlLmNvbS8_cT1-fn4_Pz8=')
  })

  it('never puts a character a path could split on into the b64 part', () => {
    const segment = sourcePathSegment(parsed('https://example.com/ü?ÿ=1'))
    expect(segment.slice('b64://'.length)).not.toMatch(/[/+?#%,]/)
  })
})
