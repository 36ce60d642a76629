import { describe, expect, it } from '@jest/globals'
import { plainText, quote } from '../src/plain-text.js'

describe('plainText', () => {
  it.each([
    { name: 'ordinary text', text: 'Finished', flat: 'Finished' },
    { name: 'a newline', text: 'a\nb', flat: 'a b' },
    { name: 'CRLF as one space', text: 'a\r\nb', flat: 'a b' },
    { name: 'a lone carriage return', text: 'a\rb', flat: 'a b' },
    { name: 'a tab', text: 'a\tb', flat: 'a b' },
    { name: 'NUL', text: 'a\u0000b', flat: 'a b' },
    { name: 'an ANSI escape', text: '\u001b[31mred', flat: '[31mred' },
    { name: 'DEL', text: 'a\u007fb', flat: 'a b' },
    { name: 'NEL (U+0085)', text: 'a\u0085b', flat: 'a b' },
    { name: 'a line separator', text: 'a\u2028b', flat: 'a b' },
    { name: 'a paragraph separator', text: 'a\u2029b', flat: 'a b' },
    { name: 'surrounding line breaks', text: '\n\nFailed\n', flat: 'Failed' },
    { name: 'non-ASCII letters', text: 'Fehlgeschlagen – ä', flat: 'Fehlgeschlagen – ä' }
  ])('flattens $name', ({ text, flat }) => {
    expect(plainText(text)).toBe(flat)
  })

  it('keeps a workflow command from starting a line of its own', () => {
    const text = plainText('Failed\n::error::forged\r\n::add-mask::x')
    expect(text).not.toMatch(/[\r\n]/)
    expect(text.startsWith('::')).toBe(false)
  })

  it('cuts text longer than max and marks the cut', () => {
    expect(plainText('abcdefghij', 4)).toBe('abcd…')
  })

  it('does not cut text of exactly max characters', () => {
    expect(plainText('abcd', 4)).toBe('abcd')
  })

  it('cuts at 300 characters by default', () => {
    const text = plainText('x'.repeat(1000))
    expect(text).toBe(`${'x'.repeat(300)}…`)
  })

  it('counts the length after flattening', () => {
    expect(plainText('\n\n\nabcd\n\n\n', 4)).toBe('abcd')
  })
})

describe('plainText and characters outside the BMP', () => {
  it('never cuts a character in half', () => {
    expect(plainText('a🙂b', 2)).toBe('a🙂…')
  })
})

describe('quote', () => {
  it.each([
    { name: 'plain text', text: 'abc', quoted: '"abc"' },
    { name: 'a newline', text: 'a\nb', quoted: '"a\\nb"' },
    { name: 'a line separator', text: 'a\u2028b', quoted: '"a\\u2028b"' },
    { name: 'a C1 control', text: 'a\u0085b', quoted: '"a\\u0085b"' },
    { name: 'text over the limit', text: 'x'.repeat(100), quoted: `"${'x'.repeat(80)}"…` }
  ])('quotes $name on one line', ({ text, quoted }) => {
    expect(quote(text)).toBe(quoted)
  })
})
