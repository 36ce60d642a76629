import { describe, expect, it } from '@jest/globals'
import { InputError } from '../src/errors.js'
import { MAX_SOURCES, parseShard, parseSourceList, type Shard } from '../src/source-list.js'

/** A distinct valid handle for every number. */
function handle(n: number): string {
  return `h${String(n).padStart(19, '0')}`
}

function handles(count: number): string[] {
  return Array.from({ length: count }, (_, i) => handle(i + 1))
}

function texts(list: string, shard?: Shard): string[] {
  return parseSourceList(list, shard).map((source) => source.text)
}

function refusal(run: () => unknown): InputError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected an InputError, but nothing was thrown')
}

describe('parseSourceList', () => {
  it('reads one source a line, in order, with each kind', () => {
    const list = 'pR4oeS63QLmYIFNs2ZvZ\nhttps://example.com/a.png\nsrc://alias/b.png'
    expect(parseSourceList(list)).toEqual([
      { text: 'pR4oeS63QLmYIFNs2ZvZ', kind: 'handle' },
      { text: 'https://example.com/a.png', kind: 'url' },
      { text: 'src://alias/b.png', kind: 'alias' }
    ])
  })

  it('skips blank lines, whitespace-only lines and # comments', () => {
    const list = `# products\n\n   \n${handle(1)}\n  # indented comment\n\t\n${handle(2)}\n`
    expect(texts(list)).toEqual([handle(1), handle(2)])
  })

  it('trims spaces around each source', () => {
    expect(texts(`   ${handle(1)}\t  `)).toEqual([handle(1)])
  })

  it('reads CRLF line endings', () => {
    expect(texts(`${handle(1)}\r\n${handle(2)}\r\n`)).toEqual([handle(1), handle(2)])
  })

  it('refuses a repeated source, naming the line', () => {
    const error = refusal(() => parseSourceList(`${handle(1)}\n# c\n${handle(1)}`))
    expect(error.input).toBe('sources')
    expect(error.message).toMatch(/line 3 repeats "h0+1"/)
  })

  it('refuses a bad line, naming it and saying why', () => {
    const error = refusal(() => parseSourceList(`${handle(1)}\n\nftp://example.com/a`))
    expect(error.input).toBe('sources')
    expect(error.message).toMatch(/line 3 \("ftp:\/\/example.com\/a"\): expected a 20-character/)
  })

  it('quotes a line with a control character with the character escaped', () => {
    const error = refusal(() => parseSourceList('https://example.com/\u001b[2J'))
    expect(error.message).toMatch(/control character/)
    expect(error.message).not.toContain('\u001b')
  })

  it('refuses a line longer than 3000 characters without quoting it', () => {
    const long = `https://example.com/${'a'.repeat(3000)}`
    const error = refusal(() => parseSourceList(long))
    expect(error.message).toMatch(/line 1 is longer than 3000 characters/)
    expect(error.message.length).toBeLessThan(200)
  })

  it('accepts a line of exactly 3000 characters', () => {
    const url = `https://example.com/${'a'.repeat(3000 - 20)}`
    expect(url).toHaveLength(3000)
    expect(texts(url)).toEqual([url])
  })

  it.each([
    { name: 'an empty list', list: '' },
    { name: 'only blank lines', list: '\n\r\n   \n' },
    { name: 'only comments', list: '# one\n# two' }
  ])('refuses $name as having no sources', ({ list }) => {
    const error = refusal(() => parseSourceList(list))
    expect(error.input).toBe('sources')
    expect(error.message).toMatch(/is required/)
  })

  it('accepts 1000 sources', () => {
    expect(parseSourceList(handles(MAX_SOURCES).join('\n'))).toHaveLength(1000)
  })

  it('refuses 1001 sources and points to the shard input', () => {
    const error = refusal(() => parseSourceList(handles(1001).join('\n')))
    expect(error.input).toBe('sources')
    expect(error.message).toMatch(/1001 sources in one run; the most is 1000.*shard/)
  })

  it('counts the limit after sharding', () => {
    expect(parseSourceList(handles(1999).join('\n'), { index: 1, total: 2 })).toHaveLength(1000)
  })

  it('refuses a shard that still holds more than 1000 sources', () => {
    const error = refusal(() => parseSourceList(handles(2001).join('\n'), { index: 1, total: 2 }))
    expect(error.message).toMatch(/1001 sources/)
  })

  it.each([
    { shard: { index: 1, total: 1 }, positions: [1, 2, 3, 4, 5, 6, 7] },
    { shard: { index: 1, total: 3 }, positions: [1, 4, 7] },
    { shard: { index: 2, total: 3 }, positions: [2, 5] },
    { shard: { index: 3, total: 3 }, positions: [3, 6] },
    { shard: { index: 7, total: 7 }, positions: [7] },
    { shard: { index: 4, total: 8 }, positions: [4] },
    { shard: { index: 8, total: 8 }, positions: [] }
  ])('shard $shard.index/$shard.total of 7 takes positions $positions', ({ shard, positions }) => {
    expect(texts(handles(7).join('\n'), shard)).toEqual(positions.map(handle))
  })

  it('counts shard positions among sources, not lines', () => {
    const list = `# header\n${handle(1)}\n\n${handle(2)}\n# note\n${handle(3)}`
    expect(texts(list, { index: 2, total: 2 })).toEqual([handle(2)])
  })

  it('gives an empty list for a shard with no sources', () => {
    expect(parseSourceList(handles(2).join('\n'), { index: 3, total: 4 })).toEqual([])
  })

  it('checks every line, even those of other shards', () => {
    const list = `${handle(1)}\nnot a source`
    const error = refusal(() => parseSourceList(list, { index: 1, total: 2 }))
    expect(error.message).toMatch(/line 2/)
  })

  it('finds repeats across shards', () => {
    const list = `${handle(1)}\n${handle(2)}\n${handle(1)}`
    expect(() => parseSourceList(list, { index: 2, total: 2 })).toThrow(/line 3 repeats/)
  })
})

describe('parseShard', () => {
  it('reads an empty input as no sharding', () => {
    expect(parseShard('')).toBeUndefined()
  })

  it.each([
    { text: '1/1', shard: { index: 1, total: 1 } },
    { text: '2/4', shard: { index: 2, total: 4 } },
    { text: '4/4', shard: { index: 4, total: 4 } },
    { text: '2 / 4', shard: { index: 2, total: 4 } },
    { text: '03/10', shard: { index: 3, total: 10 } }
  ])('reads "$text"', ({ text, shard }) => {
    expect(parseShard(text)).toEqual(shard)
  })

  it.each([
    { name: 'a zero index', text: '0/2' },
    { name: 'an index past the total', text: '3/2' },
    { name: 'a zero total', text: '1/0' },
    { name: 'zero of zero', text: '0/0' },
    { name: 'a negative index', text: '-1/2' },
    { name: 'a fraction', text: '1.5/2' },
    { name: 'letters', text: 'a/b' },
    { name: 'a single number', text: '2' },
    { name: 'no index', text: '/2' },
    { name: 'no total', text: '1/' },
    { name: 'three parts', text: '1/2/3' },
    { name: 'a dash', text: '1-2' },
    { name: 'the word of', text: '1 of 2' },
    { name: 'a leading space', text: ' 1/2' },
    { name: 'fullwidth digits', text: '１/２' },
    { name: 'a trailing newline', text: '1/2\n' }
  ])('refuses $name', ({ text }) => {
    const error = refusal(() => parseShard(text))
    expect(error.input).toBe('shard')
    expect(error.message).toMatch(/expected K\/N/)
  })
})
