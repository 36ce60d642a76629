import { describe, expect, it } from '@jest/globals'
import { formatDuration, parseDuration } from '../src/duration.js'

describe('parseDuration', () => {
  it.each([
    { name: 'bare seconds', text: '90', ms: 90_000 },
    { name: 'seconds with s', text: '30s', ms: 30_000 },
    { name: 'minutes', text: '15m', ms: 900_000 },
    { name: 'fractional hours', text: '1.5h', ms: 5_400_000 },
    { name: 'milliseconds', text: '500ms', ms: 500 },
    { name: 'fractional seconds', text: '0.1s', ms: 100 },
    { name: 'upper-case unit', text: '15M', ms: 900_000 },
    { name: 'upper-case ms', text: '250MS', ms: 250 },
    { name: 'space before the unit', text: '30 s', ms: 30_000 },
    { name: 'surrounding spaces', text: '  2m  ', ms: 120_000 },
    { name: 'zero', text: '0', ms: 0 },
    { name: 'a day', text: '24h', ms: 86_400_000 },
    { name: 'leading zeros', text: '007s', ms: 7000 }
  ])('reads $name ($text)', ({ text, ms }) => {
    expect(parseDuration(text)).toBe(ms)
  })

  it.each([
    { name: 'empty text', text: '' },
    { name: 'only spaces', text: '   ' },
    { name: 'a word', text: 'abc' },
    { name: 'a negative number', text: '-5' },
    { name: 'an unknown unit', text: '10x' },
    { name: 'days', text: '2d' },
    { name: 'two units', text: '1h30m' },
    { name: 'exponent notation', text: '1e3' },
    { name: 'hex', text: '0x10' },
    { name: 'a leading dot', text: '.5s' },
    { name: 'a trailing dot', text: '5.s' },
    { name: 'Infinity', text: 'Infinity' },
    { name: 'NaN', text: 'NaN' },
    { name: 'a unit alone', text: 's' },
    { name: 'non-ASCII digits', text: '١٠s' },
    { name: 'fullwidth digits', text: '１０s' },
    { name: 'a number too large to be finite', text: '9'.repeat(400) },
    { name: 'a newline inside', text: '1\n0s' }
  ])('refuses $name', ({ text }) => {
    expect(parseDuration(text)).toBeUndefined()
  })
})

describe('formatDuration', () => {
  it.each([
    { ms: 0, text: '0 ms' },
    { ms: -3, text: '0 ms' },
    { ms: 850, text: '850 ms' },
    { ms: 999.4, text: '999 ms' },
    { ms: 999.5, text: '1.0 s' },
    { ms: 12_345, text: '12.3 s' },
    { ms: 59_949, text: '59.9 s' },
    { ms: 59_950, text: '1 min' },
    { ms: 125_000, text: '2 min 5 s' },
    { ms: 900_000, text: '15 min' },
    { ms: 3_600_000, text: '60 min' }
  ])('shows $ms ms as "$text"', ({ ms, text }) => {
    expect(formatDuration(ms)).toBe(text)
  })
})
