import { describe, expect, it } from '@jest/globals'
import {
  OUTPUT_BUDGET,
  TRUNCATED_KEY,
  fitArray,
  fitObject,
  outputSize
} from '../src/output-budget.js'

const FILE = '/home/runner/work/_temp/filestack-results.json'

interface Marker {
  truncated: true
  omitted: number
  resultsFile: string
}

/** Items of about 100 characters each, told apart by their index. */
function items(count: number): Array<{ index: number; text: string }> {
  return Array.from({ length: count }, (_, index) => ({ index, text: 'x'.repeat(80) }))
}

describe('outputSize', () => {
  it.each([
    { name: 'an empty string', text: '', size: 0 },
    { name: 'ASCII', text: 'abc', size: 6 },
    { name: 'a letter outside ASCII', text: 'é', size: 2 },
    { name: 'an emoji (two UTF-16 units)', text: '🙂', size: 4 }
  ])('counts $name as UTF-16', ({ text, size }) => {
    expect(outputSize(text)).toBe(size)
  })
})

describe('fitArray', () => {
  it('returns plain JSON when everything fits', () => {
    const list = items(3)
    expect(fitArray(list, FILE)).toBe(JSON.stringify(list))
  })

  it('returns an empty array as []', () => {
    expect(fitArray([], FILE)).toBe('[]')
  })

  it('returns plain JSON that fills the budget exactly', () => {
    const list = ['a'.repeat(10)]
    const budget = outputSize(JSON.stringify(list))
    expect(fitArray(list, FILE, budget)).toBe(JSON.stringify(list))
  })

  it('keeps the first items that fit and ends with a marker counting the rest', () => {
    const list = items(100)
    const text = fitArray(list, FILE, 2000)
    expect(outputSize(text)).toBeLessThanOrEqual(2000)

    const parsed = JSON.parse(text) as unknown[]
    const marker = parsed.pop() as Marker
    expect(parsed.length).toBeGreaterThan(0)
    expect(parsed).toEqual(list.slice(0, parsed.length))
    expect(marker).toEqual({ truncated: true, omitted: 100 - parsed.length, resultsFile: FILE })
  })

  it('keeps as many items as the budget allows', () => {
    const list = items(100)
    const budget = 2000
    const kept = (JSON.parse(fitArray(list, FILE, budget)) as unknown[]).length - 1
    const oneMore = JSON.stringify([
      ...list.slice(0, kept + 1),
      { truncated: true, omitted: 100 - kept - 1, resultsFile: FILE }
    ])
    expect(outputSize(oneMore)).toBeGreaterThan(budget)
  })

  it('stays within the default budget for a large list', () => {
    const list = Array.from({ length: 3000 }, (_, index) => ({ index, text: 'é'.repeat(100) }))
    const text = fitArray(list, FILE)
    expect(outputSize(text)).toBeLessThanOrEqual(OUTPUT_BUDGET)
    const parsed = JSON.parse(text) as unknown[]
    expect((parsed.pop() as Marker).omitted).toBe(3000 - parsed.length)
  })

  it('counts characters outside ASCII at their UTF-16 size', () => {
    const list = Array.from({ length: 50 }, () => '🙂'.repeat(20))
    const text = fitArray(list, FILE, 1000)
    expect(outputSize(text)).toBeLessThanOrEqual(1000)
    expect(() => JSON.parse(text)).not.toThrow()
  })

  it('gives only the marker when a single item is larger than the budget', () => {
    const text = fitArray([{ data: 'x'.repeat(5000) }], FILE, 1000)
    expect(JSON.parse(text)).toEqual([{ truncated: true, omitted: 1, resultsFile: FILE }])
    expect(outputSize(text)).toBeLessThanOrEqual(1000)
  })

  it('stops at the first item that does not fit, keeping the order', () => {
    const list = ['small', 'x'.repeat(5000), 'tiny']
    expect(JSON.parse(fitArray(list, FILE, 1000))).toEqual([
      'small',
      { truncated: true, omitted: 2, resultsFile: FILE }
    ])
  })

  it('escapes the results file path as JSON', () => {
    const file = 'C:\\temp\\"results".json'
    const parsed = JSON.parse(fitArray(items(50), file, 1000)) as unknown[]
    expect((parsed.pop() as Marker).resultsFile).toBe(file)
  })
})

describe('fitObject', () => {
  function entries(count: number): Array<[string, unknown]> {
    return Array.from({ length: count }, (_, i) => [`task_${i}`, { data: 'y'.repeat(80) }])
  }

  it('returns plain JSON when everything fits', () => {
    const list = entries(3)
    expect(fitObject(list, FILE)).toBe(JSON.stringify(Object.fromEntries(list)))
  })

  it('keeps the first entries that fit and adds a marker key counting the rest', () => {
    const list = entries(100)
    const text = fitObject(list, FILE, 2000)
    expect(outputSize(text)).toBeLessThanOrEqual(2000)

    const parsed = JSON.parse(text) as Record<string, unknown>
    const keys = Object.keys(parsed)
    expect(keys[keys.length - 1]).toBe(TRUNCATED_KEY)
    const kept = keys.slice(0, -1)
    expect(kept.length).toBeGreaterThan(0)
    expect(kept).toEqual(list.slice(0, kept.length).map(([key]) => key))
    const omitted = 100 - kept.length
    expect(parsed[TRUNCATED_KEY]).toEqual({ truncated: true, omitted, resultsFile: FILE })
  })

  it('writes undefined values as null once truncating', () => {
    const list: Array<[string, unknown]> = [['a', undefined], ...entries(100)]
    const parsed = JSON.parse(fitObject(list, FILE, 2000)) as Record<string, unknown>
    expect(parsed.a).toBeNull()
  })

  it('gives only the marker when a single entry is larger than the budget', () => {
    const text = fitObject([['big', 'x'.repeat(5000)]], FILE, 1000)
    const marker = { truncated: true, omitted: 1, resultsFile: FILE }
    expect(JSON.parse(text)).toEqual({ [TRUNCATED_KEY]: marker })
    expect(outputSize(text)).toBeLessThanOrEqual(1000)
  })

  it('escapes keys as JSON', () => {
    const list: Array<[string, unknown]> = [['a"b\nc', 1], ...entries(100)]
    const parsed = JSON.parse(fitObject(list, FILE, 2000)) as Record<string, unknown>
    expect(parsed['a"b\nc']).toBe(1)
  })
})
