import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import type { StatusResponse } from '../src/job.js'
import { renderResults } from '../src/task-results.js'

function sample(name: string): StatusResponse {
  const url = new URL(`../server/samples/${name}.json`, import.meta.url)
  return JSON.parse(readFileSync(url, 'utf8')) as StatusResponse
}

/** The rows of the first table, cells joined by `|`. */
function tableRows(html: string): string[] {
  return [...html.matchAll(/<tr><td>(.*?)<\/td><td>(.*?)<\/td><\/tr>/g)]
    .map((match) => `${match[1]}|${match[2]}`)
}

const HOSTILE = '</code></pre><script>alert(1)</script><img onerror=x> `|`'

/** The HTML without the tags the renderer itself writes. */
function withoutOwnTags(html: string): string {
  const own = /<\/?(h4|p|table|tr|th|td|ul|li|em|br|details|summary|pre|code)>/g
  return html.replace(own, '')
}

describe('renderResults: tags', () => {
  it('lists the documented sample by confidence, then label', () => {
    const html = renderResults(sample('status-finished-tags').results)
    expect(html.startsWith('<h4>tags</h4>\n<table>')).toBe(true)
    expect(html).toContain('<tr><th>Label</th><th>Confidence</th></tr>')
    const rows = tableRows(html)
    expect(rows).toHaveLength(20)
    expect(rows.slice(0, 6)).toEqual([
      'symbol|99',
      'image|98',
      'round|98',
      'sign|98',
      'design|97',
      'desktop|97'
    ])
    expect(rows.at(-1)).toBe('color|88')
  })

  it('includes user tags, marked', () => {
    const html = renderResults({
      tags_1: { data: { tags: { auto: { sky: 60 }, user: { mine: 80 } } } }
    })
    expect(tableRows(html)).toEqual(['mine <em>(user)</em>|80', 'sky|60'])
  })

  it('says so when there are no tags', () => {
    const html = renderResults({ tags_1: { data: { tags: { auto: {} } } } })
    expect(html).toBe('<h4>tags</h4>\n<p>No tags.</p>')
  })
})

describe('renderResults: moderation sample', () => {
  const html = renderResults(sample('status-finished-moderation').results)

  it('renders each task readably, in order', () => {
    expect(html).toBe([
      '<h4>virus_detection</h4>',
      '<p>Infected: no</p>',
      '<h4>sfw</h4>',
      '<p>Safe for work: yes</p>',
      '<h4>caption</h4>',
      '<p>a red sneaker on a white background</p>'
    ].join('\n'))
  })
})

describe('renderResults: one task each', () => {
  it.each([
    [
      'an infected file with its infections',
      {
        virus_detection_1: {
          data: { infected: true, infections_list: ['EICAR', '<x>'] }
        }
      },
      '<p>Infected: yes</p>\n<ul>\n<li>EICAR</li>\n<li>&lt;x&gt;</li>\n</ul>'
    ],
    [
      'a file not safe for work',
      { sfw_1: { data: { sfw: false } } },
      '<p>Safe for work: no</p>'
    ],
    [
      'a caption on one line',
      { caption_1: { data: { caption: 'two\n\nlines `x`' } } },
      '<p>two lines &#96;x&#96;</p>'
    ],
    [
      'OCR text areas',
      {
        ocr_1: {
          data: {
            document: {
              text_areas: [
                { bounding_box: {}, lines: [{ text: 'Hello' }, { text: '' }] },
                { lines: [{ text: 'a < b', words: [] }] }
              ]
            }
          }
        }
      },
      '<p>Hello<br>\na &lt; b</p>'
    ],
    [
      'OCR as plain text',
      { ocr_1: { data: { text: 'one\r\ntwo\n\n' } } },
      '<p>one<br>\ntwo</p>'
    ],
    [
      'OCR without text',
      { ocr_1: { data: { text: '' } } },
      '<p>No text found.</p>'
    ],
    [
      'copyright with license names, each once',
      {
        copyright_1: {
          data: {
            copyright: true,
            licenses: [
              { imageDetails: { licensingInfo: [{ name: 'Getty' }] } },
              { imageDetails: { licensingInfo: [{ name: 'Adobe' }, {}] } },
              { imageDetails: { licensingInfo: [{ name: 'Getty' }] } },
              { other: 1 }
            ]
          }
        }
      },
      [
        '<p>Copyright detected: yes</p>',
        '<ul>',
        '<li>Getty</li>',
        '<li>Adobe</li>',
        '</ul>'
      ].join('\n')
    ],
    [
      'no copyright',
      { copyright_1: { data: { copyright: false } } },
      '<p>Copyright detected: no</p>'
    ]
  ])('%s', (_name, results, body) => {
    const name = Object.keys(results)[0].replace(/_1$/, '')
    expect(renderResults(results)).toBe(`<h4>${name}</h4>\n${body}`)
  })

  it('shows the first ten OCR lines and counts the rest', () => {
    const text = Array.from({ length: 13 }, (_, i) => `line ${i + 1}`)
    const html = renderResults({ ocr_1: { data: { text: text.join('\n') } } })
    expect(html).toContain('line 10</p>')
    expect(html).not.toContain('line 11')
    expect(html).toContain('<p><em>Lines not shown: 3.</em></p>')
  })
})

describe('renderResults: as JSON', () => {
  const virus = { infected: true, infections_list: 'x' }
  const ocr = { document: { text_areas: [{ lines: [{}] }] } }
  const copyright = { copyright: true, licenses: 1 }

  it.each([
    ['an unknown task', 'store', { url: 'u' }],
    ['tags of another shape', 'tags', { tags: ['a'] }],
    ['a confidence that is no number', 'tags', { tags: { auto: { a: '9' } } }],
    ['sfw without a boolean', 'sfw', { sfw: 'yes' }],
    ['a caption that is no string', 'caption', { caption: 1 }],
    ['infections that are no list', 'virus_detection', virus],
    ['OCR lines without text', 'ocr', ocr],
    ['licenses that are no list', 'copyright', copyright],
    ['a task whose data is null', 'caption', null]
  ])('shows %s', (_name, name, data) => {
    const html = renderResults({ [`${name}_1`]: { data } })
    const json = JSON.stringify(data, null, 2).replace(/"/g, '&quot;')
    expect(html).toBe([
      `<details><summary>${name}</summary>`,
      `<pre><code>${json}</code></pre>`,
      '</details>'
    ].join('\n'))
  })

  it('shows a task value without a data field as it is', () => {
    expect(renderResults({ sfw_1: true })).toBe([
      '<details><summary>sfw</summary>',
      '<pre><code>true</code></pre>',
      '</details>'
    ].join('\n'))
  })

  it('escapes hostile data and names', () => {
    const html = renderResults({
      [`${HOSTILE}_1`]: { data: { note: HOSTILE, [HOSTILE]: 1 } }
    })
    expect(withoutOwnTags(html)).not.toMatch(/[<>`|]/)
    expect(html.match(/<\/code><\/pre>/g)).toHaveLength(1)
    expect(html).toContain('&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;')
  })

  it('escapes hostile strings inside recognised tasks too', () => {
    const html = renderResults({
      tags_1: { data: { tags: { auto: { [HOSTILE]: 50 } } } },
      caption_2: { data: { caption: HOSTILE } },
      ocr_3: { data: { text: HOSTILE } },
      virus_detection_4: {
        data: { infected: true, infections_list: [HOSTILE] }
      }
    })
    expect(withoutOwnTags(html)).not.toMatch(/[<>`|]/)
    expect(html).not.toContain('</code>')
  })
})

describe('renderResults: nothing to show', () => {
  it.each([
    ['no results field', undefined],
    ['an empty results object', {}]
  ])('says so for %s', (_name, results) => {
    expect(renderResults(results)).toBe('<p>No results.</p>')
  })
})
