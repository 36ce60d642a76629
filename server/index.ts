export {
  DEMO_API_KEY,
  DEMO_APP_SECRET,
  DEMO_WORKFLOWS
} from './defaults.js'
export { startFilestackServer } from './server.js'
export type {
  FaultRule,
  FilestackServer,
  JobRule,
  RecordedRequest,
  ServerJob,
  ServerOptions
} from './types.js'
