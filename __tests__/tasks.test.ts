import { describe, expect, it } from '@jest/globals'
import { taskName, tasksByName } from '../src/tasks.js'

describe('taskName', () => {
  it.each([
    ['strips the designer suffix', 'sfw_1548213592151', 'sfw'],
    [
      'keeps underscores inside the name',
      'virus_detection_1548213592150',
      'virus_detection'
    ],
    ['strips only the last suffix', 'step_2_1548213592151', 'step_2'],
    ['keeps a name without a suffix', 'caption', 'caption'],
    ['keeps a name ending in letters', 'tags_v2', 'tags_v2'],
    ['keeps a key that is only a suffix', '_123', '_123'],
    ['keeps a key that is only digits', '123', '123']
  ])('%s', (_name, key, expected) => {
    expect(taskName(key)).toBe(expected)
  })
})

describe('tasksByName', () => {
  it('maps stripped names to each task data', () => {
    expect(tasksByName({
      sfw_1548213592151: { data: { sfw: true } },
      caption_1548213592152: { data: { caption: 'a cat' } }
    })).toEqual({ sfw: { sfw: true }, caption: { caption: 'a cat' } })
  })

  it('takes the value itself when it has no data field', () => {
    expect(tasksByName({ store_1: { url: 'u' }, flag_2: true, none_3: null }))
      .toEqual({ store: { url: 'u' }, flag: true, none: null })
  })

  it('keeps a data field that is null or falsy', () => {
    expect(tasksByName({ a_1: { data: null }, b_2: { data: 0 } }))
      .toEqual({ a: null, b: 0 })
  })

  it('gives the plain name to the first, full keys to later ones', () => {
    const named = tasksByName({
      tags_1: { data: 'first' },
      tags_2: { data: 'second' },
      tags_3: { data: 'third' }
    })
    expect(Object.entries(named)).toEqual([
      ['tags', 'first'],
      ['tags_2', 'second'],
      ['tags_3', 'third']
    ])
  })

  it('loses no task when a full key equals a name already given', () => {
    const named = tasksByName({ sfw_1: { data: 1 }, sfw: { data: 2 } })
    expect(Object.values(named)).toEqual([1, 2])
  })

  it('keeps a __proto__ key as plain data', () => {
    const results = JSON.parse('{"__proto__": {"data": {"x": 1}}}')
    const named = tasksByName(results)
    expect(Object.getPrototypeOf(named)).toBe(Object.prototype)
    expect(Object.entries(named)).toEqual([['__proto__', { x: 1 }]])
  })

  it('is empty without results', () => {
    expect(tasksByName(undefined)).toEqual({})
    expect(tasksByName({})).toEqual({})
  })
})
