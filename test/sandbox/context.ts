// Everything a route handler needs, built once by startSandbox.
import type { AppRegistry } from './apps'
import type { Clock } from './clock'
import type { UserDirectory } from './data/users'
import type { GrantStore } from './oauth/grants'
import type { SessionStore } from './oauth/sessions'
import type { RateLimiter } from './rate-limit'
import type { StatsRecorder } from './stats'
import type { StrictOAuthOptions } from './types'

export interface SandboxContext {
  seed: number
  /** Filled in once the server listens. */
  baseUrl: string
  apiUrl: string
  clock: Clock
  apps: AppRegistry
  users: UserDirectory
  grants: GrantStore
  sessions: SessionStore
  stats: StatsRecorder
  rateLimiter: RateLimiter
  password: string
  sso: boolean
  rejectHttpRedirects: boolean
  strict: StrictOAuthOptions
  pageTokenSeconds: number
}
