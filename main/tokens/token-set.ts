// What is stored (encrypted, one vault write) for a connected profile, and how a token response
// becomes one. The whole set is written at once so access and refresh token never disagree.
import { z } from 'zod'
import { GRANTS } from '../../common/profile'
import type { TokenResult } from '../auth/token-endpoint'
import type { GrantIdentity } from './grant-identity'

export const tokenSetSchema = z.object({
  /** 1: written before sets carried their endpoints (no oauthBase/apiBase/accountId); 2: with them. */
  v: z.union([z.literal(1), z.literal(2)]),
  grant: z.enum(GRANTS),
  /** The client the tokens were issued to: tokens of another client are never used (peers H). */
  clientId: z.string(),
  /** Server-to-Server: the account. With the endpoints below, the grant identity (grant-identity.ts). */
  accountId: z.string().optional(),
  oauthBase: z.string().optional(),
  apiBase: z.string().optional(),
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  /** Epoch ms: local time when the request started + expires_in. */
  expiresAt: z.number(),
  obtainedAt: z.number(),
  connectedAt: z.number(),
  scopes: z.array(z.string()),
  apiUrl: z.string().optional(),
})
export type TokenSet = z.infer<typeof tokenSetSchema>

/** Zoom sends 3599; a missing value is treated as Zoom's lifetime, absurd ones are clamped. */
const DEFAULT_LIFETIME_S = 3599
const MIN_LIFETIME_S = 30
const MAX_LIFETIME_S = 86_400

/**
 * `context`: the identity of the profile the request was made for (and the set it renews), and
 * for a sign-in the scopes its authorization request asked for.
 */
export function tokenSetFromResult(result: TokenResult, context: GrantIdentity & { previous?: TokenSet; requestedScopes?: readonly string[] }): TokenSet {
  const { previous } = context
  const lifetime = Math.min(MAX_LIFETIME_S, Math.max(MIN_LIFETIME_S, result.expires_in ?? DEFAULT_LIFETIME_S))
  // RFC 6749 §5.1: a response without `scope` granted what was asked for — the earlier grant's
  // scopes on a renewal, the requested ones on a sign-in (none asked: unknown, left empty).
  const scopes = result.scope !== undefined ? result.scope.split(/\s+/).filter(Boolean) : [...(previous?.scopes ?? context.requestedScopes ?? [])]
  // RFC 6749 §6: a response without a refresh token leaves the old one in force (Insomnia #1492).
  const refreshToken = result.refresh_token ?? previous?.refreshToken
  const apiUrl = result.api_url ?? previous?.apiUrl
  return {
    v: 2,
    grant: context.grant,
    clientId: context.clientId,
    ...(context.accountId !== undefined ? { accountId: context.accountId } : {}),
    oauthBase: context.oauthBase,
    apiBase: context.apiBase,
    accessToken: result.access_token,
    ...(refreshToken !== undefined ? { refreshToken } : {}),
    expiresAt: result.startedAt + lifetime * 1000,
    obtainedAt: result.startedAt,
    connectedAt: previous?.connectedAt ?? result.startedAt,
    scopes,
    ...(apiUrl !== undefined ? { apiUrl: apiUrl.replace(/\/+$/, '') } : {}),
  }
}

export function serializeTokenSet(set: TokenSet): string {
  return JSON.stringify(set)
}

/** Undefined when the stored text is not a token set this build understands. */
export function parseTokenSet(text: string): TokenSet | undefined {
  try {
    const parsed = tokenSetSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** How long before expiry a token is renewed: the configured skew, but never more than half its life. */
export function renewAt(set: Pick<TokenSet, 'expiresAt' | 'obtainedAt'>, skewMs: number): number {
  const lifetime = set.expiresAt - set.obtainedAt
  return set.expiresAt - Math.min(skewMs, Math.max(0, lifetime / 2))
}
