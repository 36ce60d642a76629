import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DEMO_API_KEY,
  DEMO_APP_SECRET,
  DEMO_WORKFLOWS,
  startFilestackServer,
  type FilestackServer
} from '../server/index.js'
import { runAction, type ActionRun } from './run-action.js'
import { summaryText } from './summary-text.js'

/**
 * Runs the built action (dist/index.js, under Node 24, as the runner does)
 * against the local Filestack server, twice: on a handle, two URLs and a
 * storage alias; then as a pull-request check that uploads a small tree of
 * files, one of them infected, with a fail-if rule. Prints the log, the
 * outputs and the job summary as a reader would see them.
 */
const server = await startFilestackServer({
  jobRules: [
    { match: 'sneaker', durationMs: 1500 },
    { match: 'hero', durationMs: 3000 },
    { match: 'eicar', durationMs: 1200, results: infected() },
    { durationMs: 800 }
  ]
})
const credentials = {
  'workflow-id': DEMO_WORKFLOWS.moderation,
  'api-key': DEMO_API_KEY,
  'app-secret': DEMO_APP_SECRET,
  'base-url': server.url,
  timeout: '1m'
}

try {
  console.log(`Local Filestack server: ${server.url}`)
  banner('1. Sources of all three kinds')
  const sources = await runAction({
    inputs: {
      ...credentials,
      sources: [
        'pR4oeS63QLmYIFNs2ZvZ',
        'https://assets.example.com/products/sneaker.png',
        'https://assets.example.com/search?q=red shoes&size=42,43#top',
        'src://brand-assets/campaigns/été 2026/hero.jpg'
      ].join('\n')
    }
  })
  show(sources, server)

  banner('2. A pull-request check on local files, with a failing rule')
  const check = await runAction({
    workspace: workspaceWithAssets(),
    inputs: {
      ...credentials,
      'upload-url': server.url,
      files: 'assets/**\n!assets/**/*.md',
      'fail-if': 'tasks.virus_detection.infected || tasks.sfw.sfw == `false`'
    }
  })
  show(check, server)

  const expected = sources.code === 0 && check.code === 1
  console.log(`\nThe first run ${sources.code === 0 ? 'passed' : 'FAILED'}; the check ${check.code === 1 ? 'failed on the infected file, as it should' : 'did NOT fail as expected'}.`)
  process.exitCode = expected ? 0 : 1
} finally {
  await server.close()
}

function show(run: ActionRun, server: FilestackServer): void {
  section('Action log')
  process.stdout.write(run.stdout.replace(/^::(add-mask|debug)::.*\n/gm, ''))
  section('Outputs')
  for (const [name, value] of Object.entries(run.outputs)) {
    console.log(`${name}: ${value.length > 240 ? `${value.slice(0, 240)}… (${value.length} characters)` : value}`)
  }
  section('Job summary')
  console.log(summaryText(run.summary))
  section('What reached the server')
  for (const request of server.requests.splice(0).filter((r) => r.call !== 'status')) {
    console.log(request.call === 'run' ? `run_workflow source: ${request.source}` : `${request.method} ${request.rawPath.split('?')[0]}`)
  }
  console.log(`\nExit code ${run.code}; the action ran for ${(run.durationMs / 1000).toFixed(1)} s.`)
}

function workspaceWithAssets(): string {
  const root = mkdtempSync(join(tmpdir(), 'demo-workspace-'))
  mkdirSync(join(root, 'assets/products'), { recursive: true })
  writeFileSync(join(root, 'assets/products/sneaker.png'), Buffer.from('89504e470d0a1a0a', 'hex'))
  writeFileSync(join(root, 'assets/products/boot.jpg'), Buffer.from('ffd8ffe000104a464946', 'hex'))
  writeFileSync(join(root, 'assets/eicar.png'), 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*')
  writeFileSync(join(root, 'assets/README.md'), 'not an asset')
  return root
}

function infected(): Record<string, unknown> {
  return {
    virus_detection_1548213592150: { data: { infected: true, infections_list: ['EICAR-Test-File (not a virus)'] } },
    sfw_1548213592151: { data: { sfw: true } },
    caption_1548213592152: { data: { caption: 'a line of text on a white background' } }
  }
}

function banner(title: string): void {
  console.log(`\n${'═'.repeat(64)}\n${title}\n${'═'.repeat(64)}`)
}

function section(title: string): void {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}`)
}
