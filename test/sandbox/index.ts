// The Zoom sandbox: a local, faithful Zoom (OAuth server + REST API) for tests, benchmarks, demo.
//
//   const zoom = await startSandbox({ seed: 7, users: 250 })        // 127.0.0.1, random port
//   zoom.url                       // http://127.0.0.1:PORT  (OAuth: {url}/oauth/*, REST: {url}/v2/*)
//   zoom.apps.s2s                  // { accountId, clientId, clientSecret } for account_credentials
//   zoom.apps.userOAuth / adminOAuth / public   // auth-code apps ({clientId, clientSecret?, redirectUri})
//   zoom.login                     // { email, password } for the sign-in page at {url}/oauth/authorize
//   zoom.issueCode({ app: 'public', codeChallenge, method: 'S256' })   // skip the browser
//   zoom.advanceClock(3600_000)    // expire tokens / codes / page tokens without sleeping
//   zoom.setFaults([{ kind: 'status', status: 502, pathPrefix: '/v2/users', skip: 2, count: 1 }])
//   zoom.events.info().subscriptionId; zoom.events.emit({ types: ['meeting.started'] }); zoom.events.drop()
//   zoom.stats()                   // token requests by grant, revocations, API calls by route/status
//   await zoom.close()             // closes every socket, stalled ones included
// Same hooks over HTTP under {url}/__admin/* (see admin.ts); CLI: `npm run sandbox -- --seed 7`.
// HTTP helpers for tests (basicAuth, pkcePair, s2sToken, userTokens): ./testing.ts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { AppRegistry } from './apps'
import { ApiDispatcher } from './api/dispatch'
import { OPENAPI_DIR } from './api/generic/zoom-files'
import { PageCache } from './api/page-cache'
import { PageTokens } from './api/pagination'
import { createClock, startOfUtcDay } from './clock'
import type { SandboxContext } from './context'
import { SandboxData } from './data/sandbox-data'
import { SyntheticCalls } from './data/synthetic-calls'
import { FaultInjector } from './faults'
import { hash2, idFrom } from './hash'
import { createDownloads } from './downloads'
import { GrantStore } from './oauth/grants'
import { SessionStore } from './oauth/sessions'
import { RateLimiter } from './rate-limit'
import { createListener } from './server'
import { StatsRecorder } from './stats'
import { attachEventSockets } from './ws/event-socket-server'
import type { IssueCodeInput, Plan, Sandbox, SandboxOptions } from './types'
import type { SandboxControl } from './admin'
import type { FaultRule } from './faults'

export type { AppKey, AppsInfo, IssueCodeInput, Plan, Sandbox, SandboxOptions, StrictOAuthOptions, TokenLifetimes } from './types'
export type { FaultRule } from './faults'
export type { SandboxStats } from './stats'
export { OPERATIONS } from './api/catalog'
export type { Operation, RateCategory } from './api/catalog'
export { RateLimiter } from './rate-limit'

export const MIN_USERS = 10
export const MAX_USERS = 100_000

/** SandboxOptions.syntheticCallHistory: `total` calls from repeated generated records. */
function syntheticCallHistory(data: SandboxData, total: number, now: number): { total: number; item(k: number): string } {
  if (!Number.isInteger(total) || total < 0) throw new RangeError('syntheticCallHistory must be a whole number of calls')
  const calls = new SyntheticCalls(data.phone, startOfUtcDay(now))
  return { total, item: (k) => calls.item(k) }
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = (options.seed ?? 1) >>> 0
  const userCount = options.users ?? 250
  if (!Number.isInteger(userCount) || userCount < MIN_USERS || userCount > MAX_USERS) {
    throw new RangeError(`users must be an integer from ${MIN_USERS} to ${MAX_USERS}`)
  }
  const clock = createClock(options.now)
  const data = new SandboxData(seed, userCount, startOfUtcDay(clock.now()))
  const stats = new StatsRecorder()
  const faults = new FaultInjector(seed, options.faults ?? [])
  const rateLimiter = new RateLimiter(options.plan ?? 'pro', clock.now)
  const lifetimes = options.tokenLifetimes ?? {}
  let latencyMs = options.latencyMs ?? 0

  const sockets = new Set<Socket>()
  const server = createServer({ keepAlive: true })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`

  const apps = new AppRegistry(seed, baseUrl, options.apps)
  const grants = new GrantStore(clock, {
    accessTokenSeconds: lifetimes.accessTokenSeconds ?? 3599,
    refreshTokenSeconds: lifetimes.refreshTokenSeconds ?? 90 * 86_400,
    codeSeconds: lifetimes.codeSeconds ?? 300,
  }, (i) => data.users.userId(i), data.users.accountId)
  const ctx: SandboxContext = {
    seed, baseUrl, apiUrl: options.apiUrl ?? baseUrl, clock, apps, users: data.users, grants,
    sessions: new SessionStore(), stats, rateLimiter,
    password: options.password ?? `sandbox-${idFrom(seed, hash2(0x9a55, 1), 12)}`,
    sso: options.sso ?? false,
    rejectHttpRedirects: options.rejectHttpRedirects ?? false,
    strict: options.strict ?? {},
    pageTokenSeconds: lifetimes.pageTokenSeconds ?? 900,
  }
  const cache = new PageCache(options.pageCacheBytes)
  const api = new ApiDispatcher({
    clock, data, cache,
    pageTokens: new PageTokens(clock, idFrom(seed, hash2(0x7a6e, 2), 16), ctx.pageTokenSeconds),
    plan: () => rateLimiter.currentPlan(),
    baseUrl: () => baseUrl,
    bearerChallenge: ctx.strict.bearerChallenge ?? false,
    ...(options.syntheticCallHistory !== undefined ? { syntheticCalls: syntheticCallHistory(data, options.syntheticCallHistory, clock.now()) } : {}),
  }, grants, rateLimiter, stats, data.users.accountId, options.openApiDir === null ? undefined : (options.openApiDir ?? OPENAPI_DIR))

  const issueCode = (input: IssueCodeInput): string => {
    const app = apps.get(input.app)
    const redirectUri = input.redirectUri ?? app.redirectUris[0] ?? ''
    const userIndex = input.userEmail === undefined ? 0 : data.users.resolve(input.userEmail)
    if (userIndex === undefined) throw new Error('issueCode: unknown userEmail')
    if (app.clientSecret === undefined && input.codeChallenge === undefined) throw new Error('issueCode: the public app needs a codeChallenge')
    return grants.issueCode({
      app, redirectUri, userIndex, scopes: input.scopes ?? app.scopes,
      ...(input.codeChallenge === undefined ? {} : { codeChallenge: input.codeChallenge, method: input.method ?? 'plain' }),
    })
  }

  // Told apart from answered requests by the response closing before it finished (Node's http docs:
  // 'close' on the response "indicates that the response is completed, or its underlying connection
  // was terminated prematurely").
  const abandoned: string[] = []
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    res.once('close', () => {
      if (!res.writableFinished) abandoned.push(`${req.method ?? 'GET'} ${(req.url ?? '/').split('?')[0]}`)
    })
  })

  const eventSockets = attachEventSockets(server, ctx)
  const control: SandboxControl = {
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    advanceClock: (ms: number) => {
      clock.advance(ms)
      // Zoom closes an event socket whose token expired; the sandbox notices when its clock moves.
      eventSockets.closeExpired()
    },
    now: () => clock.now(),
    setPlan: (plan: Plan) => rateLimiter.setPlan(plan),
    setFaults: (rules: FaultRule[]) => faults.set(rules),
    addFaults: (rules: FaultRule[]) => faults.add(rules),
    listFaults: () => faults.list(),
    revokeAllGrants: () => grants.revokeAll(),
    issueCode,
    setLatency: (ms: number) => { latencyMs = ms },
    events: eventSockets,
    abandoned: () => [...abandoned],
    uploads: () => [...api.uploads],
  }

  server.on('request', createListener({
    ctx, api, faults, control,
    latencyMs: () => latencyMs,
    downloads: createDownloads({ data, grants, stats, seed }),
  }))

  let closing: Promise<void> | undefined
  return {
    url: baseUrl,
    apps: apps.info(data.users.accountId),
    login: { email: data.users.email(0), password: ctx.password },
    accountId: data.users.accountId,
    ...control,
    close() {
      closing ??= new Promise<void>((resolve) => {
        eventSockets.close()
        server.close(() => resolve())
        // Stalled responses and idle keep-alive sockets would hold close() forever.
        server.closeAllConnections()
        for (const socket of sockets) socket.destroy()
      })
      return closing
    },
  }
}
