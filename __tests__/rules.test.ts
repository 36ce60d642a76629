import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { JobReport } from '../src/job.js'
import { checkRule, ruleInput, ruleSyntaxError } from '../src/rules.js'

function sample(name: string): JobReport['response'] {
  return JSON.parse(readFileSync(`server/samples/${name}.json`, 'utf8')) as JobReport['response']
}

function job(results: Record<string, unknown>, extra: Partial<JobReport> = {}): JobReport {
  const response = { jobid: 'j1', status: 'Finished', results }
  return { source: 'pR4oeS63QLmYIFNs2ZvZ', jobId: 'j1', status: 'Finished', state: 'finished', response, startedAt: 0, ...extra }
}

const moderation = sample('status-finished-moderation').results!
const tags = sample('status-finished-tags').results!

/** One job per situation a rule is meant to catch, and a clean one. */
const JOBS: Record<string, JobReport> = {
  clean: job(moderation),
  infected: job({ ...moderation, virus_detection_1548213592150: { data: { infected: true, infections_list: ['EICAR'] } } }),
  unsafe: job({ ...moderation, sfw_1548213592151: { data: { sfw: false } } }),
  tagged: job(tags),
  productTagged: job({ tags_2: { data: { tags: { auto: { product: 91, weapon: 12 }, user: null } } } }),
  weapon: job({ tags_2: { data: { tags: { auto: { weapon: 88 }, user: null } } } }),
  copyrighted: job({ copyright_5: { data: { copyright: true, licenses: [] } } }),
  confidential: job({ ocr_9: { data: { document: { text_areas: [{ lines: [{ text: 'CONFIDENTIAL draft' }] }] } } } })
}

/** The README's ready-made rules, by what they catch, with the jobs that must break each. */
const EXPECTED: Record<string, string[]> = {
  'a virus is found': ['infected'],
  'the file is not safe for work': ['unsafe'],
  'either of the two': ['infected', 'unsafe'],
  'a copyrighted image is detected': ['copyrighted'],
  'there is no caption': ['tagged', 'productTagged', 'weapon', 'copyrighted', 'confidential'],
  'the image is not tagged `product`': ['clean', 'infected', 'unsafe', 'tagged', 'weapon', 'copyrighted', 'confidential'],
  'a tag `weapon` has confidence over 50': ['weapon'],
  'OCR finds the word CONFIDENTIAL': ['confidential']
}

function readmeRules(): Array<[string, string]> {
  const readme = readFileSync('README.md', 'utf8')
  const block = readme.split('<!-- rules:start -->')[1].split('<!-- rules:end -->')[0]
  return block
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Fails when') && !line.startsWith('| ---'))
    .map((line) => {
      const [what, code] = line.slice(2, -2).split(/ \| (?=`)/)
      const expression = code.replace(/^``? ?|`? ?`$/g, '').replace(/\\\|/g, '|').trim()
      return [what.trim(), expression]
    })
}

describe('the ready-made rules in the README', () => {
  const rules = readmeRules()

  it('are all covered here', () => {
    expect(rules.map(([what]) => what)).toEqual(Object.keys(EXPECTED))
  })

  it.each(rules)('%s: %s', (what, expression) => {
    expect(ruleSyntaxError(expression)).toBeUndefined()
    const broken = Object.entries(JOBS)
      .filter(([, report]) => {
        const result = checkRule(expression, report)
        expect(result.error).toBeUndefined()
        return result.broken
      })
      .map(([name]) => name)
    expect(broken).toEqual(EXPECTED[what])
  })
})

describe('rules', () => {
  it('see tasks by name without their numeric suffix, and source and file', () => {
    const input = ruleInput(job(moderation, { file: 'assets/a.png' }))
    expect(input.tasks).toEqual({
      virus_detection: { infected: false, infections_list: [] },
      sfw: { sfw: true },
      caption: { caption: 'a red sneaker on a white background' }
    })
    expect(input.source).toBe('pR4oeS63QLmYIFNs2ZvZ')
    expect(input.file).toBe('assets/a.png')
    expect(input.status).toBe('Finished')
  })

  it.each([
    ['false', '`false`', false],
    ['null', 'missing.thing', false],
    ['an empty string', "''", false],
    ['an empty array', '`[]`', false],
    ['an empty object', '`{}`', false],
    ['true', '`true`', true],
    ['zero', '`0`', true],
    ['a non-empty string', "'x'", true],
    ['a non-empty array', '`[1]`', true]
  ])('treat %s as %s', (_, expression, broken) => {
    expect(checkRule(expression as string, job(moderation)).broken).toBe(broken)
  })

  it('count a rule that cannot be evaluated as broken, with the reason', () => {
    const result = checkRule('length(tasks.sfw.sfw)', job(moderation))
    expect(result.broken).toBe(true)
    expect(result.error).toMatch(/length/)
  })

  it('report a syntax error', () => {
    expect(ruleSyntaxError('tasks.[')).toBeDefined()
  })
})
