import { createServer, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { serve, type Context } from './dispatch.js'
import { FaultBook } from './faults.js'
import { RateLimiter } from './rate-limit.js'
import { ServerState } from './state.js'
import type { FilestackServer, ServerOptions } from './types.js'

const HOST = '127.0.0.1'

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, () => {
      server.off('error', reject)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}

/** Timers that the server cancels when it closes. */
function sleeper(timers: Set<NodeJS.Timeout>) {
  return (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        resolve()
      }, ms)
      timers.add(timer)
    })
}

/** Starts a Filestack-compatible server on loopback. */
export async function startFilestackServer(
  options: ServerOptions = {}
): Promise<FilestackServer> {
  const timers = new Set<NodeJS.Timeout>()
  const sockets = new Set<Socket>()
  const ctx: Context = {
    state: new ServerState(options),
    faults: new FaultBook(options.faults),
    limiter: new RateLimiter(options.rateLimit),
    requests: [],
    sleep: sleeper(timers)
  }
  const load = { inFlight: 0, maxInFlight: 0 }
  const server = createServer((req, res) => {
    load.inFlight += 1
    load.maxInFlight = Math.max(load.maxInFlight, load.inFlight)
    res.once('close', () => (load.inFlight -= 1))
    serve(ctx, req, res).catch(() => res.destroy())
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  const port = await listen(server, options.port ?? 0)
  ctx.state.url = `http://${HOST}:${port}`

  const close = () =>
    new Promise<void>((resolve) => {
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      server.close(() => resolve())
      for (const socket of sockets) socket.destroy()
    })

  return {
    url: ctx.state.url,
    requests: ctx.requests,
    jobs: ctx.state.jobs,
    uploads: ctx.state.uploads,
    get inFlight() {
      return load.inFlight
    },
    get maxInFlight() {
      return load.maxInFlight
    },
    set maxInFlight(value: number) {
      load.maxInFlight = Math.max(value, load.inFlight)
    },
    inject: (fault) => ctx.faults.add(fault),
    configure(patch) {
      ctx.state.configure(patch)
      if ('rateLimit' in patch) ctx.limiter.configure(patch.rateLimit)
      if (patch.faults) ctx.faults.replace(patch.faults)
    },
    close
  }
}
