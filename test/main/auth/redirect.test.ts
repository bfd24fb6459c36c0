import { describe, expect, it } from 'vitest'
import { isAppError } from '../../../common/errors'
import { authorizeUrl } from '../../../main/auth/authorize-url'
import { generateState, statesEqual } from '../../../main/auth/flow-state'
import { isRegisteredRedirect, readAuthorizationResponse } from '../../../main/auth/redirect'

const registered = 'http://127.0.0.1:8765/callback'
const state = 'expected-state-value'
const expectCode = (fn: () => unknown, code: string) => {
  try {
    fn()
  } catch (error) {
    expect(isAppError(error) && error.code).toBe(code)
    return error as Error
  }
  throw new Error('expected a rejection')
}

describe('redirect matching', () => {
  it('accepts only the exact scheme, host, port and path', () => {
    expect(isRegisteredRedirect(registered, 'http://127.0.0.1:8765/callback?code=x&state=y')).toBe(true)
    for (const candidate of [
      'https://127.0.0.1:8765/callback?code=x',
      'http://127.0.0.1:8766/callback?code=x',
      'http://localhost:8765/callback?code=x',
      'http://127.0.0.1.evil.com:8765/callback?code=x',
      'http://127.0.0.1:8765/callback/?code=x',
      'http://127.0.0.1:8765/callbackx?code=x',
      'http://127.0.0.1:8765/?next=/callback&code=x',
      'http://127.0.0.1@evil.example:8765/callback?code=x',
      'http://user:pw@127.0.0.1:8765/callback?code=x',
      'javascript:alert(1)//127.0.0.1:8765/callback',
      'file:///callback?code=x',
      'not a url',
    ]) {
      expect(isRegisteredRedirect(registered, candidate), candidate).toBe(false)
    }
  })

  it('ignores intermediate redirects that merely contain code=', () => {
    expect(isRegisteredRedirect('https://example.com/oauth/done', 'https://sso.example.com/saml?code=abc&state=s')).toBe(false)
    expect(isRegisteredRedirect('https://example.com/oauth/done', 'https://example.com/oauth?code=abc')).toBe(false)
  })

  it('treats default ports as equal to their explicit form', () => {
    expect(isRegisteredRedirect('https://example.com/cb', 'https://example.com:443/cb?code=a')).toBe(true)
  })
})

describe('authorization response', () => {
  const expected = { redirectUri: registered, state }
  const url = (query: string) => `${registered}?${query}`

  it('returns the code when state matches', () => {
    expect(readAuthorizationResponse(url(`code=abc&state=${state}`), expected)).toEqual({ code: 'abc' })
  })

  it('rejects wrong, missing and duplicated state', () => {
    expectCode(() => readAuthorizationResponse(url('code=abc&state=other'), expected), 'AUTH_STATE_MISMATCH')
    expectCode(() => readAuthorizationResponse(url('code=abc'), expected), 'AUTH_STATE_MISMATCH')
    expectCode(() => readAuthorizationResponse(url(`code=abc&state=${state}&state=${state}`), expected), 'AUTH_RESPONSE_INVALID')
    expectCode(() => readAuthorizationResponse(url(`code=a&code=b&state=${state}`), expected), 'AUTH_RESPONSE_INVALID')
  })

  it('rejects a response sent elsewhere, a missing code and absurd lengths', () => {
    expectCode(() => readAuthorizationResponse(`http://127.0.0.1:9999/callback?code=a&state=${state}`, expected), 'AUTH_REDIRECT_MISMATCH')
    expectCode(() => readAuthorizationResponse(url(`state=${state}`), expected), 'AUTH_RESPONSE_INVALID')
    expectCode(() => readAuthorizationResponse(`${registered}#code=abc&state=${state}`, expected), 'AUTH_STATE_MISMATCH')
    expectCode(() => readAuthorizationResponse(url(`code=${'a'.repeat(1_000_000)}&state=${state}`), expected), 'AUTH_RESPONSE_INVALID')
  })

  it('turns error=access_denied into a clear, escaped message', () => {
    const error = expectCode(
      () => readAuthorizationResponse(url(`error=access_denied&error_description=${encodeURIComponent('<script>alert(1)</script> no')}&state=${state}`), expected),
      'AUTH_ACCESS_DENIED',
    )
    expect(error.message).toContain('declined')
    expect(error.message).not.toContain('<script>')
    expect(error.message).toContain('&lt;script&gt;')
    expectCode(() => readAuthorizationResponse(url(`error=server_error&state=${state}`), expected), 'AUTH_RESPONSE_INVALID')
  })

  it('checks iss when the server sends it (RFC 9207): another server\'s answer, or two of them, is refused', () => {
    const withIssuer = { ...expected, issuer: 'https://zoom.us' }
    expect(readAuthorizationResponse(url(`code=abc&state=${state}&iss=${encodeURIComponent('https://zoom.us')}`), withIssuer)).toEqual({ code: 'abc' })
    // No iss: Zoom does not advertise RFC 9207, so its absence is not a failure.
    expect(readAuthorizationResponse(url(`code=abc&state=${state}`), withIssuer)).toEqual({ code: 'abc' })
    for (const iss of ['https://attacker.example', 'https://zoomgov.com', 'https://zoom.us.attacker.example', 'http://zoom.us', '']) {
      expectCode(() => readAuthorizationResponse(url(`code=abc&state=${state}&iss=${encodeURIComponent(iss)}`), withIssuer), 'AUTH_RESPONSE_INVALID')
    }
    expectCode(() => readAuthorizationResponse(url(`code=abc&state=${state}&iss=https%3A%2F%2Fzoom.us&iss=https%3A%2F%2Fzoom.us`), withIssuer), 'AUTH_RESPONSE_INVALID')
    // A custom cloud's OAuth base is the URL as the person typed it (a capital, the default
    // port): the server names itself canonically, and that is the same server.
    const typed = { ...expected, issuer: 'https://Sandbox.Example.com:443' }
    expect(readAuthorizationResponse(url(`code=abc&state=${state}&iss=${encodeURIComponent('https://sandbox.example.com')}`), typed)).toEqual({ code: 'abc' })
    for (const iss of ['https://sandbox.example.com:8443', 'https://sandbox.example.com.attacker.example', 'https://sandbox.example.com/other']) {
      expectCode(() => readAuthorizationResponse(url(`code=abc&state=${state}&iss=${encodeURIComponent(iss)}`), typed), 'AUTH_RESPONSE_INVALID')
    }
    // An error from another server is not reported as this server's answer either.
    expectCode(() => readAuthorizationResponse(url(`error=access_denied&state=${state}&iss=${encodeURIComponent('https://attacker.example')}`), withIssuer), 'AUTH_RESPONSE_INVALID')
  })

  it('does not name the code in its messages', () => {
    const error = expectCode(() => readAuthorizationResponse(`http://127.0.0.1:1/callback?code=SECRET-CODE&state=${state}`, expected), 'AUTH_REDIRECT_MISMATCH')
    expect(error.message).not.toContain('SECRET-CODE')
  })
})

describe('state', () => {
  it('is random and compared exactly', () => {
    const a = generateState()
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(generateState()).not.toBe(a)
    expect(statesEqual(a, a)).toBe(true)
    expect(statesEqual(a, `${a}x`)).toBe(false)
    expect(statesEqual(a, '')).toBe(false)
  })
})

describe('authorize URL', () => {
  it('carries every parameter, the method explicitly, and scopes only when listed', () => {
    const u = new URL(authorizeUrl({ oauthBase: 'https://zoom.us/', clientId: 'cid', redirectUri: registered, state, pkce: { challenge: 'ch', method: 'S256' }, scopes: ['a:b', 'c'] }))
    expect(u.origin + u.pathname).toBe('https://zoom.us/oauth/authorize')
    expect(Object.fromEntries(u.searchParams)).toEqual({ response_type: 'code', client_id: 'cid', redirect_uri: registered, state, code_challenge: 'ch', code_challenge_method: 'S256', scope: 'a:b c' })
    const bare = new URL(authorizeUrl({ oauthBase: 'https://zoom.us', clientId: 'cid', redirectUri: registered, state }))
    expect(bare.searchParams.has('code_challenge')).toBe(false)
    expect(bare.searchParams.has('scope')).toBe(false)
  })
})
