import {
  DEMO_API_KEY,
  DEMO_APP_SECRET,
  DEMO_WORKFLOWS,
  startFilestackServer
} from '../server/index.js'
import { runAction } from './run-action.js'
import { summaryText } from './summary-text.js'

/**
 * Runs the built action (dist/index.js, under Node 24) against the local
 * Filestack server on a handle, two URLs and a storage alias, and prints
 * the log, the outputs and the job summary as a reader would see them.
 */
const sources = [
  'pR4oeS63QLmYIFNs2ZvZ',
  'https://assets.example.com/products/sneaker.png',
  'https://assets.example.com/search?q=red shoes&size=42,43#top',
  'src://brand-assets/campaigns/été 2026/hero.jpg'
]

const server = await startFilestackServer({
  jobRules: [
    { match: 'sneaker', durationMs: 1500 },
    { match: 'hero', durationMs: 3000, runningStatuses: ['Started', 'Processing'] },
    { durationMs: 800 }
  ]
})
console.log(`Local Filestack server: ${server.url}\n`)

try {
  const run = await runAction({
    inputs: {
      'workflow-id': DEMO_WORKFLOWS.moderation,
      sources: sources.join('\n'),
      'api-key': DEMO_API_KEY,
      'app-secret': DEMO_APP_SECRET,
      'base-url': server.url,
      timeout: '1m'
    }
  })

  section('Action log')
  process.stdout.write(run.stdout.replace(/^::add-mask::.*\n/gm, ''))
  section('Outputs')
  for (const [name, value] of Object.entries(run.outputs)) {
    console.log(`${name}: ${value.length > 300 ? `${value.slice(0, 300)}… (${value.length} characters)` : value}`)
  }
  section('Job summary')
  console.log(summaryText(run.summary))
  section('What reached the server')
  for (const request of server.requests.filter((r) => r.call === 'run')) {
    console.log(`run_workflow source: ${request.source}`)
  }
  console.log(`\nExit code ${run.code}; the action ran for ${(run.durationMs / 1000).toFixed(1)} s.`)
  process.exitCode = run.code ?? 1
} finally {
  await server.close()
}

function section(title: string): void {
  console.log(`\n── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}`)
}
