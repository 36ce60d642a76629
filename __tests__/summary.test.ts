import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { JobReport, StatusResponse } from '../src/job.js'
import { renderSummary, type SummaryInput } from '../src/summary.js'

function sample(name: string): StatusResponse {
  const url = new URL(`../server/samples/${name}.json`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as StatusResponse
}

const START = Date.UTC(2026, 10, 30, 9, 12, 3)

function report(fields: Partial<JobReport> = {}): JobReport {
  const response = fields.response ?? sample('status-finished-moderation')
  return {
    source: 'https://assets.example.com/products/sneaker.png',
    jobId: response.jobid,
    status: response.status,
    state: 'finished',
    response,
    startedAt: START,
    endedAt: START + 4800,
    ...fields
  }
}

function render(fields: Partial<SummaryInput>): string {
  return renderSummary({ workflowId: 'wf-1', reports: [], ...fields })
}

/** The cells of each body row of the jobs table. */
function cells(html: string): string[][] {
  const table = /<table>\n[\s\S]*?\n<\/table>/.exec(html)?.[0] ?? ''
  return [...table.matchAll(/<tr><td>(.*)<\/td><\/tr>/g)]
    .map((match) => match[1].split('</td><td>'))
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8')
}

/** The HTML without the tags the renderers themselves write. */
function withoutOwnTags(html: string): string {
  const own =
    /<\/?(h[234]|p|table|tr|th|td|ul|li|em|br|details|summary|pre|code)>/g
  return html.replace(own, '')
}

describe('renderSummary: layout', () => {
  const html = render({
    workflowId: 'b1f0c7a2',
    notice: 'Cancelled: 1 job is still running at Filestack.',
    reports: [
      report(),
      report({
        source: 'pR4oeS63QLmYIFNs2ZvZ',
        file: 'assets/logo.png',
        response: sample('status-finished-tags')
      }),
      report({
        source: 'src://shop/a.png',
        response: sample('status-started'),
        state: 'running',
        endedAt: undefined
      })
    ],
    now: START + 2000
  })

  it('starts with the heading and the notice', () => {
    expect(html.startsWith([
      '<h2>Filestack workflow b1f0c7a2</h2>',
      '<p>Cancelled: 1 job is still running at Filestack.</p>',
      '',
      '<table>',
      '<tr><th>Source</th><th>Job ID</th><th>Status</th><th>Duration</th></tr>'
    ].join('\n'))).toBe(true)
  })

  it('has one row per job, with file, status mark and duration', () => {
    expect(cells(html)).toEqual([
      [
        'https://assets.example.com/products/sneaker.png',
        '<code>0c4f1f0e-3d0b-4c1e-9d53-5b8f1d2e6a71</code>',
        '✅ Finished',
        '4.8 s'
      ],
      [
        '<code>assets/logo.png</code><br>handle pR4oeS63QLmYIFNs2ZvZ',
        '<code>5aef4e90-4c6c-4779-ac8b-289cff108792</code>',
        '✅ Finished',
        '4.8 s'
      ],
      [
        'src://shop/a.png',
        '<code>0c4f1f0e-3d0b-4c1e-9d53-5b8f1d2e6a71</code>',
        '⏳ Started',
        '2.0 s (running)'
      ]
    ])
  })

  it('follows the table with a section per job', () => {
    const sections = html.split('\n\n').slice(2)
    expect(sections.map((s) => s.split('\n')[0])).toEqual([
      '<h3>https://assets.example.com/products/sneaker.png</h3>',
      '<h3>assets/logo.png</h3>',
      '<h3>src://shop/a.png</h3>'
    ])
    expect(sections[0]).toContain('<p>Safe for work: yes</p>')
    expect(sections[1]).toContain('<tr><td>symbol</td><td>99</td></tr>')
    expect(sections[2]).toBe('<h3>src://shop/a.png</h3>\n<p>No results.</p>\n')
  })

  it('writes every block as HTML without blank lines inside', () => {
    for (const block of html.trimEnd().split('\n\n')) {
      expect(block).toMatch(/^<(h2|table|h3)>/)
      expect(block).not.toMatch(/\n[ \t]*\n/)
    }
  })

  it('leaves out the notice when there is none', () => {
    expect(render({}).startsWith('<h2>Filestack workflow wf-1</h2>\n\n'))
      .toBe(true)
  })
})

describe('renderSummary: durations', () => {
  it.each([
    ['below a second', { endedAt: START + 850 }, '850 ms'],
    ['in seconds', { endedAt: START + 12_340 }, '12.3 s'],
    ['in minutes', { endedAt: START + 125_000 }, '2 min 5 s'],
    [
      'so far, while running',
      { state: 'running', endedAt: undefined },
      '12.3 s (running)'
    ],
    ['unknown for a final job without an end', { endedAt: undefined }, '—'],
    ['never negative', { endedAt: START - 5 }, '0 ms']
  ] as const)('%s', (_name, fields, duration) => {
    const html = render({ reports: [report(fields)], now: START + 12_300 })
    expect(cells(html)[0][3]).toBe(duration)
  })

  it('shows a failed job with its mark', () => {
    const failed = report({ state: 'failed', status: 'Failed' })
    const html = render({ reports: [failed] })
    expect(cells(html)[0][2]).toBe('❌ Failed')
  })
})

describe('renderSummary: verdicts', () => {
  const reports = ['a', 'b', 'c'].map((id) => report({ jobId: id }))

  it('adds a result column when verdicts are given', () => {
    const verdicts = new Map([
      ['a', { passed: true }],
      ['b', { passed: false, reason: 'infected is true, expected <false>' }]
    ])
    const html = render({ reports, verdicts })
    expect(html).toContain('<th>Duration</th><th>Result</th></tr>')
    expect(cells(html).map((row) => row[4])).toEqual([
      '✅ passed',
      '❌ failed: infected is true, expected &lt;false&gt;',
      '—'
    ])
  })

  it('has no result column without verdicts', () => {
    const html = render({ reports })
    expect(html).not.toContain('Result')
    expect(cells(html)[0]).toHaveLength(4)
  })
})

describe('renderSummary: hostile text', () => {
  const HOSTILE = '</code></pre><script>x</script><img src=x onerror=y>`a`|b|'
  const response: StatusResponse = {
    jobid: HOSTILE,
    status: HOSTILE,
    results: {
      [HOSTILE]: { data: HOSTILE },
      caption_1: { data: { caption: HOSTILE } }
    }
  }
  const input: SummaryInput = {
    workflowId: HOSTILE,
    notice: HOSTILE,
    resultsFile: HOSTILE,
    verdicts: new Map([[HOSTILE, { passed: false, reason: HOSTILE }]]),
    reports: [
      report({
        source: HOSTILE,
        file: HOSTILE,
        jobId: HOSTILE,
        status: HOSTILE,
        response
      })
    ]
  }

  it('escapes every text from inputs and from Filestack', () => {
    const html = renderSummary(input)
    expect(withoutOwnTags(html)).not.toMatch(/[<>`|]/)
    // workflow, notice, source, file, job, status, reason, section title,
    // unknown task name and data, caption
    expect(html.match(/&lt;script&gt;/g)).toHaveLength(11)
    expect(cells(html)[0]).toHaveLength(5)
  })

  it('escapes the results file in the note of a cut', () => {
    const full = renderSummary(input)
    const html = renderSummary({ ...input, maxBytes: bytes(full) - 1 })
    expect(html).toContain('The full results are in <code>&lt;/code&gt;')
    expect(withoutOwnTags(html)).not.toMatch(/[<>`|]/)
  })
})

describe('renderSummary: size limit', () => {
  const big = (n: number): StatusResponse => ({
    jobid: `job-${n}`,
    status: 'Finished',
    results: { store_1: { data: { text: 'é'.repeat(n) } } }
  })
  const reports = [3000, 10, 2000, 20].map((n, i) =>
    report({ source: `source-${i}`, jobId: `job-${i}`, response: big(n) }))
  const input: SummaryInput = {
    workflowId: 'wf',
    reports,
    resultsFile: '/runner/temp/filestack-result.json'
  }
  const full = renderSummary(input)

  it('renders everything under the default limit', () => {
    expect(full).toContain('<h3>source-0</h3>')
    expect(full).not.toContain('Left out')
  })

  it('keeps the table and the sections that fit, and names the file', () => {
    const maxBytes = bytes(full) - 1000
    const html = renderSummary({ ...input, maxBytes })
    expect(bytes(html)).toBeLessThanOrEqual(maxBytes)
    expect(cells(html)).toHaveLength(4)
    expect(html.match(/<h3>[^<]*<\/h3>/g)).toEqual([
      '<h3>source-1</h3>',
      '<h3>source-2</h3>',
      '<h3>source-3</h3>'
    ])
    expect(html).toContain(
      '1 of 4 job sections. The full results are in ' +
      '<code>/runner/temp/filestack-result.json</code>.</p>'
    )
  })

  it('cuts table rows too when the table alone does not fit', () => {
    const table = /<table>[\s\S]*<\/table>/.exec(full)?.[0] ?? ''
    const maxBytes = bytes(table)
    const html = renderSummary({ ...input, maxBytes })
    expect(bytes(html)).toBeLessThanOrEqual(maxBytes)
    expect(cells(html).length).toBeLessThan(4)
    expect(cells(html).length).toBeGreaterThan(0)
    expect(html).not.toContain('<h3>')
    const rowsOut = 4 - cells(html).length
    expect(html).toContain(`${rowsOut} of 4 table rows and 4 of 4 job sections`)
  })

  it('names the results file generally when no path is given', () => {
    const maxBytes = 5000
    const html = renderSummary({ ...input, resultsFile: undefined, maxBytes })
    expect(html).toContain('The full results are in the results file.</p>')
  })

  it('never exceeds the limit and never cuts inside an element', () => {
    for (let maxBytes = 0; maxBytes <= bytes(full) + 10; maxBytes += 97) {
      const html = renderSummary({ ...input, maxBytes })
      expect(bytes(html)).toBeLessThanOrEqual(maxBytes)
      for (const tag of ['table', 'tr', 'h3', 'p', 'details', 'pre', 'code']) {
        const opened = html.split(`<${tag}>`).length
        expect(html.split(`</${tag}>`).length).toBe(opened)
      }
    }
  })
})
