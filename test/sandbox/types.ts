import type { EventSocketControl } from './ws/event-socket-server'
// Public types of the sandbox: what startSandbox accepts and returns.
import type { FaultRule } from './faults'
import type { SandboxStats } from './stats'
import type { ReceivedUpload } from './api/uploads'

export type Plan = 'free' | 'pro' | 'business' | 'unlimited'

/** The four Marketplace app types the sandbox registers. */
export type AppKey = 's2s' | 'userOAuth' | 'adminOAuth' | 'public'
export type AuthorizationAppKey = Exclude<AppKey, 's2s'>

export interface AppOverride {
  clientId?: string
  /** Canary-friendly: tests may seed recognisable secrets. Ignored for the public app. */
  clientSecret?: string
  /** Registered redirect URIs; the first is the one reported in `apps`. */
  redirectUris?: string[]
  scopes?: string[]
}

export interface TokenLifetimes {
  /** `expires_in` of access tokens (Zoom: 3599). */
  accessTokenSeconds?: number
  /** Refresh-token lifetime; sources disagree, default 90 days to exercise expiry paths. */
  refreshTokenSeconds?: number
  /** Authorization codes: Zoom gives 5 minutes. */
  codeSeconds?: number
  /** `next_page_token` validity: Zoom gives 15 minutes. */
  pageTokenSeconds?: number
}

export interface SandboxOptions {
  /** Listening host and port; default 127.0.0.1:0. */
  host?: string
  port?: number
  /** Seed for all data, ids, secrets and fault decisions (default 1). */
  seed?: number
  /** Number of users in the account, 10..100,000 (default 250). */
  users?: number
  /** Rate-limit plan (default 'pro'); 'unlimited' switches rate limits off. */
  plan?: Plan
  tokenLifetimes?: TokenLifetimes
  /** Base latency in ms added to every /v2 and /oauth response (overlapping server work). */
  latencyMs?: number
  /** Fault rules active from the start; see faults.ts. */
  faults?: FaultRule[]
  /** Clock source; default Date.now. advanceClock() moves it forward. */
  now?: () => number
  /** Route sign-in through a stand-in company SSO identity provider page. */
  sso?: boolean
  /**
   * Refuse plain-http redirect URIs at /oauth/authorize even when registered, as Zoom has been
   * seen to do for loopback redirects ("Invalid redirect URL (4,700)"). Default false.
   */
  rejectHttpRedirects?: boolean
  /**
   * Behave like a strictly conformant OAuth 2.0 server (as panva's oidc-provider does) where Zoom
   * is more lenient or answers in its own way. Every flag is off by default (Zoom's behaviour).
   */
  strict?: StrictOAuthOptions
  /** Per-app overrides (secrets, redirect URIs, scopes). */
  apps?: Partial<Record<AppKey, AppOverride>>
  /** Password of every signed-in user (default derived from the seed). */
  password?: string
  /**
   * Bytes of serialised list pages kept in memory (default 48 MiB). A full crawl of 100,000
   * users needs ~64 MiB to be served from memory; smaller caches rebuild every page.
   */
  pageCacheBytes?: number
  /**
   * Benchmarks only: GET /phone/call_history answers this many calls for any date window, from 1,000
   * generated records repeated with their own ids (data/synthetic-calls.ts), fast enough to serve
   * ten million. Off by default: the account's call history is generated day by day.
   */
  syntheticCallHistory?: number
  /** `api_url` put in token responses (default: the sandbox's own URL). */
  apiUrl?: string
  /**
   * Folder of Zoom's OpenAPI files: every GET in them that no hand-written endpoint serves is
   * answered from its response schema (default: ../shared/zoom-openapi beside the repository,
   * read on the first such request). null switches those answers off.
   */
  openApiDir?: string | null
}

export interface StrictOAuthOptions {
  /**
   * RFC 6749 §2.3.1: the client ID and secret in a Basic header are form-url-encoded (Appendix B)
   * before base64, so the server form-decodes them; a raw `+`, `%` or `&` then no longer matches.
   */
  formEncodedBasic?: boolean
  /**
   * RFC 7009 §2.1: revoking an access token revokes that token only ("MAY" revoke the refresh
   * token too; this server does not). Zoom ends the whole grant.
   */
  revokeTokenOnly?: boolean
  /**
   * RFC 6750 §3.1: a refused bearer token gets 401 with `WWW-Authenticate: Bearer
   * error="invalid_token"` and an OAuth error body, not Zoom's `{"code":124}`.
   */
  bearerChallenge?: boolean
  /**
   * RFC 6749 §3.3 lets a server refuse a request without `scope`: it redirects back with
   * error=invalid_scope (§4.1.2.1). Zoom falls back to the app's configured scopes.
   */
  scopeRequired?: boolean
  /**
   * RFC 6749 §5.1: `scope` may be left out of a token response when it is what the client asked
   * for. This server leaves it out of every token response (tests ask only for configured scopes).
   */
  scopeOmitted?: boolean
}

export interface AppsInfo {
  s2s: { accountId: string; clientId: string; clientSecret: string }
  userOAuth: { clientId: string; clientSecret: string; redirectUri: string }
  adminOAuth: { clientId: string; clientSecret: string; redirectUri: string }
  public: { clientId: string; redirectUri: string }
}

export interface IssueCodeInput {
  app: AuthorizationAppKey
  /** Default: the app's first registered redirect URI. */
  redirectUri?: string
  codeChallenge?: string
  /** Zoom's default when a challenge is given without a method is 'plain'. */
  method?: 'S256' | 'plain'
  /** Default: all the app's scopes. */
  scopes?: string[]
  /** Default: the sign-in user (the account owner). */
  userEmail?: string
}

export interface Sandbox {
  url: string
  apps: AppsInfo
  login: { email: string; password: string }
  accountId: string
  stats(): SandboxStats
  resetStats(): void
  advanceClock(ms: number): void
  now(): number
  setPlan(plan: Plan): void
  setFaults(faults: FaultRule[]): void
  addFaults(faults: FaultRule[]): void
  /** The active fault rules with how often each matched and fired. */
  listFaults(): { rule: FaultRule; seen: number; fired: number }[]
  /**
   * `METHOD /path` of each request whose client closed the connection before the answer was sent
   * (what a server sees of a cancelled request), oldest first.
   */
  abandoned(): string[]
  /** Every multipart upload received (fields and file bytes as they arrived), oldest first. */
  uploads(): ReceivedUpload[]
  /** Changes the base latency of every /oauth and /v2 response. */
  setLatency(ms: number): void
  revokeAllGrants(): void
  issueCode(input: IssueCodeInput): string
  /** Zoom's event WebSocket at {url}/ws: the subscription ID, events on demand or on a schedule, faults. */
  events: EventSocketControl
  close(): Promise<void>
}
