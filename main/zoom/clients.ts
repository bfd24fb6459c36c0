// The factory core.ts calls: one ZoomClient per profile (rebuilt when the profile changes), and
// one rate limiter per Zoom account shared by every profile of that account.
import type { BeforeRequestHook } from 'got'
import type { RateUsage } from '../../common/contract/data'
import { AppError } from '../../common/errors'
import { effectiveEndpoints, type Profile } from '../../common/profile'
import { compileAllowlist, type UrlChecker } from '../../common/zoom/allowlist'
import type { Logger } from '../log/logger'
import type { Clock } from '../ports'
import { ZoomClient } from './client'
import { downloadRedirectDomains } from './download-hosts'
import { createProfileHttp, DEFAULT_TIMEOUTS, MAX_JSON_BYTES, type ZoomTimeouts } from './http'
import type { ConnectionOutcomes, ProfileLookup, TokenProvider } from './ports'
import { AccountRateLimiter, type RateLimiterOptions } from './rate-limiter'
import { DEFAULT_RETRY, type RetryPolicy } from './retry'

export interface ZoomClientsOptions {
  tokens: TokenProvider
  profiles: ProfileLookup
  log?: Logger
  clock?: Clock
  retry?: Partial<RetryPolicy>
  timeouts?: Partial<ZoomTimeouts>
  /** Client-side pacing under the plan's limits (default true). Benchmarks of raw overhead turn it off. */
  rateLimiting?: boolean
  limiter?: Omit<RateLimiterOptions, 'now'>
  /** Sends every request (API, console, downloads) through the system proxy (main/net/proxy); DIRECT without it. */
  proxy?: BeforeRequestHook
  /** Told whether each API call worked, for the connection's status. */
  outcomes?: ConnectionOutcomes
  /** Largest buffered JSON answer (default MAX_JSON_BYTES, 64 MiB); tests lower it. */
  maxJsonBytes?: number
}

export interface ZoomClients {
  /** The profile's client; a new one after the profile was edited. Throws what ProfileLookup throws. */
  forProfile(profileId: string): ZoomClient
  /** data.rateUsage: the account's usage per category ([] before the first request). */
  rateUsage(profileId: string): RateUsage[]
  /** Drops the cached client (profile deleted). */
  forget(profileId: string): void
}

/** Profiles of the same account share Zoom's per-account limits; without an account id, a profile is its own account. */
function accountKey(profile: Profile, apiBase: string): string {
  return profile.accountId ? `${new URL(apiBase).host}|${profile.accountId}` : `profile|${profile.id}`
}

export function createZoomClients(options: ZoomClientsOptions): ZoomClients {
  const now = options.clock ? () => (options.clock as Clock).now() : Date.now
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry }
  const timeouts: ZoomTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts }
  const limiters = new Map<string, AccountRateLimiter>()
  const clients = new Map<string, { updatedAt: string; client: ZoomClient; limiter: AccountRateLimiter | undefined }>()

  const limiterFor = (profile: Profile, apiBase: string): AccountRateLimiter | undefined => {
    if (options.rateLimiting === false) return undefined
    const key = accountKey(profile, apiBase)
    let limiter = limiters.get(key)
    if (!limiter) {
      limiter = new AccountRateLimiter(profile.ratePlan, { ...options.limiter, now })
      limiters.set(key, limiter)
    } else limiter.setPlan(profile.ratePlan)
    return limiter
  }

  const build = (profile: Profile) => {
    const endpoints = effectiveEndpoints(profile)
    const allowed = compileAllowlist(endpoints.allowedDomains)
    // A client outlives an edit in a listing that holds it for all its pages: every request meets
    // the allowlist of the profile as it is now, not the one the client was built with.
    let inForce = { profile, check: allowed }
    const allowedNow = (): UrlChecker => {
      let now: Profile
      try {
        now = options.profiles.get(profile.id)
      } catch {
        return () => ({ ok: false, reason: 'the connection was deleted' })
      }
      // A profile object is replaced, never changed, when profiles.json is written: compiled again only then.
      if (now !== inForce.profile) inForce = { profile: now, check: compileAllowlist(effectiveEndpoints(now).allowedDomains) }
      return inForce.check
    }
    const limiter = limiterFor(profile, endpoints.apiBase)
    const tokens = tokensFor(options.tokens, endpoints.apiBase)
    const env = {
      profileId: profile.id,
      tokens,
      allowed: allowedNow,
      limiter: () => limiter,
      retry,
      timeouts,
      log: options.log,
      now,
      proxy: options.proxy,
      maxJsonBytes: options.maxJsonBytes ?? MAX_JSON_BYTES,
    }
    const client = new ZoomClient({
      profileId: profile.id,
      apiBase: endpoints.apiBase,
      allowed,
      downloadHosts: compileAllowlist(downloadRedirectDomains(profile.cloud)),
      tokens,
      http: createProfileHttp(env),
      maxJsonBytes: env.maxJsonBytes,
      limiter,
      log: options.log,
      ...(options.outcomes ? { outcomes: options.outcomes } : {}),
    })
    return { updatedAt: profile.updatedAt, client, limiter }
  }

  return {
    forProfile(profileId) {
      const profile = options.profiles.get(profileId)
      let entry = clients.get(profileId)
      if (!entry || entry.updatedAt !== profile.updatedAt) {
        entry = build(profile)
        clients.set(profileId, entry)
      }
      return entry.client
    },
    rateUsage(profileId) {
      const entry = clients.get(profileId)
      if (entry) return entry.limiter?.usage() ?? []
      return this.forProfile(profileId).rateUsage()
    },
    forget(profileId) {
      clients.delete(profileId)
    },
  }
}

/**
 * The token provider as one client sees it: a client built for a profile's old API base (a request
 * prepared before an edit landed) gets no token minted for the new one, and the other way round.
 */
function tokensFor(tokens: TokenProvider, apiBase: string): TokenProvider {
  return {
    ...(tokens.currentSecrets ? { currentSecrets: (profileId: string) => tokens.currentSecrets?.(profileId) ?? [] } : {}),
    async getAccessToken(profileId, options) {
      const token = await tokens.getAccessToken(profileId, options)
      if (token.apiBase !== undefined && token.apiBase !== apiBase) {
        throw new AppError('CANCELLED', 'The connection was pointed at other endpoints while this request was prepared; nothing was sent')
      }
      return token
    },
  }
}
