import { run } from './main.js'

/**
 * The runner cancels a step with SIGINT, then SIGTERM: either one stops
 * the wait and reports what is known. The explicit exit keeps an open
 * keep-alive socket or a stalled request from holding the step open.
 */
const controller = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => controller.abort(signal))
}
await run(controller.signal)
process.exit()
