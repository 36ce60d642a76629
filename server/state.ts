import { defaultApps, defaultWorkflows } from './defaults.js'
import type { JobRule, ServerJob, ServerOptions } from './types.js'

type Results = Record<string, unknown>

/** What the handlers read and change: the apps, workflows and stores. */
export class ServerState {
  apps: Record<string, string>
  workflows: Record<string, Results>
  jobRules: JobRule[]
  readonly jobs = new Map<string, ServerJob>()
  readonly uploads = new Map<string, Buffer>()
  /** Handle -> the filename it was uploaded with, so job rules can match files by name. */
  readonly uploadNames = new Map<string, string>()
  url = ''

  constructor(options: ServerOptions) {
    this.apps = options.apps ?? defaultApps()
    this.workflows = options.workflows ?? defaultWorkflows()
    this.jobRules = options.jobRules ?? []
  }

  configure(patch: Partial<ServerOptions>): void {
    if (patch.apps) this.apps = patch.apps
    if (patch.workflows) this.workflows = patch.workflows
    if (patch.jobRules) this.jobRules = patch.jobRules
  }

  isKnownApp(apiKey: string): boolean {
    return Object.hasOwn(this.apps, apiKey)
  }

  /** The apps whose secret may have signed a request with this key. */
  signers(apiKey?: string): [string, string][] {
    if (apiKey === undefined) return Object.entries(this.apps)
    return this.isKnownApp(apiKey) ? [[apiKey, this.apps[apiKey]]] : []
  }

  workflowResults(id: string): Results | undefined {
    return Object.hasOwn(this.workflows, id) ? this.workflows[id] : undefined
  }
}
