import { describe, expect, it } from 'vitest'
import type { TokenResult } from '../../../main/auth/token-endpoint'
import { parseTokenSet, renewAt, serializeTokenSet, tokenSetFromResult } from '../../../main/tokens/token-set'

/** The endpoints every set here was minted for. */
const ids = { oauthBase: 'https://zoom.us', apiBase: 'https://api.zoom.us' }
const result = (extra: Partial<TokenResult> = {}): TokenResult => ({ access_token: 'AT', token_type: 'bearer', expires_in: 3599, refresh_token: 'RT', scope: 'a b', startedAt: 1_000_000, ...extra })

describe('token set', () => {
  it('computes expiry from when the request started', () => {
    expect(tokenSetFromResult(result(), { ...ids, grant: 'authorization_code', clientId: 'c' }).expiresAt).toBe(1_000_000 + 3_599_000)
  })

  it('keeps the old refresh token, scopes and api_url when a refresh omits them', () => {
    const previous = tokenSetFromResult(result({ api_url: 'https://eu01api.zoom.us/' }), { ...ids, grant: 'authorization_code', clientId: 'c' })
    const { refresh_token: _rt, scope: _scope, ...bare } = result({ access_token: 'AT2', startedAt: 2_000_000 })
    const next = tokenSetFromResult(bare, { ...ids, grant: 'authorization_code', clientId: 'c', previous })
    expect(next).toMatchObject({ accessToken: 'AT2', refreshToken: 'RT', scopes: ['a', 'b'], apiUrl: 'https://eu01api.zoom.us', connectedAt: 1_000_000, obtainedAt: 2_000_000 })
    expect(tokenSetFromResult(result({ refresh_token: 'RT3' }), { ...ids, grant: 'authorization_code', clientId: 'c', previous }).refreshToken).toBe('RT3')
  })

  it('clamps absent, tiny and enormous lifetimes', () => {
    const { expires_in: _e, ...absent } = result()
    expect(tokenSetFromResult(absent, { ...ids, grant: 's2s', clientId: 'c' }).expiresAt).toBe(1_000_000 + 3_599_000)
    expect(tokenSetFromResult(result({ expires_in: -5 }), { ...ids, grant: 's2s', clientId: 'c' }).expiresAt).toBe(1_000_000 + 30_000)
    expect(tokenSetFromResult(result({ expires_in: 1e12 }), { ...ids, grant: 's2s', clientId: 'c' }).expiresAt).toBe(1_000_000 + 86_400_000)
  })

  it('renews at expiry minus the skew, but never earlier than half-way', () => {
    const set = tokenSetFromResult(result(), { ...ids, grant: 's2s', clientId: 'c' })
    expect(renewAt(set, 300_000)).toBe(set.expiresAt - 300_000)
    const short = tokenSetFromResult(result({ expires_in: 60 }), { ...ids, grant: 's2s', clientId: 'c' })
    expect(renewAt(short, 300_000)).toBe(short.expiresAt - 30_000)
  })

  it('round-trips through its stored form and rejects anything else', () => {
    const set = tokenSetFromResult(result(), { ...ids, grant: 'authorization_code', clientId: 'c' })
    expect(parseTokenSet(serializeTokenSet(set))).toEqual(set)
    expect(parseTokenSet('{"v":2}')).toBeUndefined()
    // A set stored before sets carried their endpoints is still read (judged by grant and client).
    const { oauthBase: _o, apiBase: _a, ...legacy } = set
    expect(parseTokenSet(JSON.stringify({ ...legacy, v: 1 }))).toEqual({ ...legacy, v: 1 })
    expect(parseTokenSet('nope')).toBeUndefined()
  })
})
