// Test fixtures for the Zoom client: a TokenProvider that mints Server-to-Server tokens from the
// sandbox with main's token-endpoint client (the token manager, with its vault and profiles, is
// another module's test subject), and a profile pointing at it.
import type { Profile, ProfileFieldsInput } from '../../../common/profile'
import { profileFieldsSchema } from '../../../common/profile'
import { AppError } from '../../../common/errors'
import { mintServerToServer } from '../../../main/auth/grants'
import { createTokenEndpointClient } from '../../../main/auth/token-endpoint'
import { systemClock } from '../../../main/ports'
import type { BearerToken as AccessToken, ProfileLookup, TokenProvider } from '../../../main/zoom/ports'
import type { Sandbox } from '../../sandbox'

export interface SandboxTokens extends TokenProvider {
  /** Token requests made to the sandbox. */
  readonly mints: number
  /** forceRefresh calls seen. */
  readonly forced: number
  /** The token currently cached (to plant it in tests, e.g. search for it in history). */
  current(): string | undefined
  /** Replace the cached token (e.g. with a bogus one to provoke 401/124). */
  plant(token: string): void
}

export function sandboxTokens(sandbox: Sandbox): SandboxTokens {
  let cached: AccessToken | undefined
  let inflight: Promise<AccessToken> | undefined
  let mints = 0
  let forced = 0
  const { accountId, clientId, clientSecret } = sandbox.apps.s2s
  // Minted by main's own token-endpoint client (the Server-to-Server grant), not a copy of it.
  const endpoint = createTokenEndpointClient({ clock: systemClock })
  const mint = async (): Promise<AccessToken> => {
    mints++
    const result = await mintServerToServer(endpoint, sandbox.url, { clientId, clientSecret }, accountId)
    return { accessToken: result.access_token, ...(result.api_url ? { apiUrl: result.api_url } : {}) }
  }
  return {
    get mints() {
      return mints
    },
    get forced() {
      return forced
    },
    current: () => cached?.accessToken,
    plant(token) {
      cached = { ...cached, accessToken: token }
    },
    async getAccessToken(_profileId, options) {
      if (options?.forceRefresh) {
        forced++
        cached = undefined
      }
      if (cached) return cached
      inflight ??= mint().finally(() => (inflight = undefined))
      cached = await inflight
      return cached
    },
  }
}

export function sandboxProfile(sandbox: Sandbox, fields: Partial<ProfileFieldsInput> = {}, id = 'p1'): Profile {
  return parsedProfile({ name: 'Sandbox', accountId: sandbox.apps.s2s.accountId, clientId: sandbox.apps.s2s.clientId, cloud: { kind: 'custom', oauthBaseUrl: sandbox.url, apiBaseUrl: sandbox.url }, ...fields }, id)
}

/** An admin Server-to-Server profile whose OAuth and API hosts are a test's own loopback server at `url`. */
export function loopbackProfile(url: string, fields: Partial<ProfileFieldsInput> = {}, id = 'p1'): Profile {
  return parsedProfile({ name: 'Home', appType: 'admin', accountId: 'acc', clientId: 'cid', cloud: { kind: 'custom', oauthBaseUrl: url, apiBaseUrl: url }, ...fields }, id)
}

function parsedProfile(fields: Partial<ProfileFieldsInput>, id: string): Profile {
  const parsed = profileFieldsSchema.parse({ grant: 's2s', ratePlan: 'business', ...fields })
  return { ...parsed, id, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }
}

export function profileLookup(...profiles: Profile[]): ProfileLookup & { set(profile: Profile): void } {
  const map = new Map(profiles.map((p) => [p.id, p]))
  return {
    get(id) {
      const profile = map.get(id)
      if (!profile) throw new AppError('NOT_FOUND', `No profile ${id}`)
      return profile
    },
    set(profile) {
      map.set(profile.id, profile)
    },
  }
}

/** Fast retries for tests: the policy is the same, the delays are short. */
export const FAST_RETRY = { limit: 4, baseDelayMs: 5, maxDelayMs: 40, maxRetryAfterMs: 5_000 }
export const FAST_TIMEOUTS = { connect: 2_000, response: 2_000, read: 300, idle: 2_000 }
