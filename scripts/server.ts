import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import {
  DEMO_API_KEY,
  DEMO_APP_SECRET,
  DEMO_WORKFLOWS,
  startFilestackServer,
  type ServerOptions
} from '../server/index.js'

const USAGE = 'usage: tsx scripts/server.ts [--port N] [--config file.json]'

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

function readOptions(): ServerOptions {
  let values: { port?: string; config?: string }
  try {
    values = parseArgs({
      options: { port: { type: 'string' }, config: { type: 'string' } }
    }).values
  } catch (error) {
    fail((error as Error).message)
  }
  const options: ServerOptions = values.config
    ? (JSON.parse(readFileSync(values.config, 'utf8')) as ServerOptions)
    : {}
  if (values.port !== undefined) {
    const port = Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      fail(`invalid port: ${values.port}`)
    }
    options.port = port
  }
  return options
}

function describeSetup(options: ServerOptions): string[] {
  const apps = options.apps ?? { [DEMO_API_KEY]: DEMO_APP_SECRET }
  const lines = Object.entries(apps).map(
    ([key, secret]) => `  API key ${key}  app secret ${secret}`
  )
  const workflows = options.workflows
    ? Object.keys(options.workflows).map((id) => `  workflow ${id}`)
    : Object.entries(DEMO_WORKFLOWS).map(
        ([name, id]) => `  workflow ${id} (${name})`
      )
  return [...lines, ...workflows]
}

async function main(): Promise<void> {
  const options = readOptions()
  const server = await startFilestackServer(options)
  console.log(`Filestack server listening on ${server.url}`)
  for (const line of describeSetup(options)) console.log(line)
  const stop = () => {
    server.close().then(
      () => console.log('Filestack server stopped'),
      (error: unknown) => console.error(error)
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
