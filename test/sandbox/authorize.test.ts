// The sign-in and consent pages, driven over plain HTTP: fetch the page, submit its form with
// the session cookie, follow redirects by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from './index'
import { basicAuth, getJson, pkcePair, postForm, s2sToken } from './testing'

let zoom: Sandbox
let ssoZoom: Sandbox

beforeAll(async () => {
  ;[zoom, ssoZoom] = await Promise.all([
    startSandbox({ seed: 11, users: 30 }),
    startSandbox({ seed: 12, users: 30, sso: true }),
  ])
})
afterAll(() => Promise.all([zoom.close(), ssoZoom.close()]))

function authorizeUrl(sandbox: Sandbox, app: 'userOAuth' | 'adminOAuth' | 'public', extra: Record<string, string> = {}): string {
  const { clientId, redirectUri } = sandbox.apps[app]
  return `${sandbox.url}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, state: 'st-123', ...extra })}`
}

function hiddenValue(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)
  if (match === null) throw new Error(`no hidden field ${name}`)
  return match[1]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
}

function cookieOf(res: Response): string {
  const header = res.headers.get('set-cookie')
  if (header === null) throw new Error('no cookie')
  return header.split(';')[0]!
}

/** Signs in through the plain sign-in form and returns the session cookie. */
async function signIn(sandbox: Sandbox, startUrl: string): Promise<{ cookie: string; next: string }> {
  const page = await (await fetch(startUrl)).text()
  expect(page).toMatch(/<label for="email">Email<\/label>/)
  expect(page).toMatch(/<label for="password">Password<\/label>/)
  expect(page).toMatch(/<button type="submit">Sign in<\/button>/)
  const res = await postForm(`${sandbox.url}/oauth/signin`, { continue: hiddenValue(page, 'continue'), ...sandbox.login })
  expect(res.status).toBe(303)
  return { cookie: cookieOf(res), next: new URL(res.headers.get('location')!, sandbox.url).toString() }
}

async function consent(sandbox: Sandbox, url: string, cookie: string, decision: 'allow' | 'decline'): Promise<URL> {
  const page = await (await fetch(url, { headers: { cookie } })).text()
  expect(page).toContain('<button type="submit" name="decision" value="allow">Allow</button>')
  expect(page).toContain('<button type="submit" name="decision" value="decline">Decline</button>')
  const res = await postForm(`${sandbox.url}/oauth/consent`, { consent_id: hiddenValue(page, 'consent_id'), decision }, { cookie })
  expect(res.status).toBe(302)
  return new URL(res.headers.get('location')!)
}

describe('authorize page flow', () => {
  it('signs in, shows consent naming the app and scopes, and redirects with code and state', async () => {
    const { cookie, next } = await signIn(zoom, authorizeUrl(zoom, 'userOAuth'))
    const page = await (await fetch(next, { headers: { cookie } })).text()
    expect(page).toContain('Sandbox User-managed App')
    expect(page).toContain('meeting:read:list_meetings')
    const back = await consent(zoom, next, cookie, 'allow')
    expect(`${back.origin}${back.pathname}`).toBe(zoom.apps.userOAuth.redirectUri)
    expect(back.searchParams.get('state')).toBe('st-123')
    const code = back.searchParams.get('code')!
    const { clientId, clientSecret, redirectUri } = zoom.apps.userOAuth
    const token = await postForm(`${zoom.url}/oauth/token`, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, { authorization: basicAuth(clientId, clientSecret) })
    expect(token.status).toBe(200)
  })

  it('skips sign-in when the session cookie is present, and Decline redirects with access_denied', async () => {
    const { cookie } = await signIn(zoom, authorizeUrl(zoom, 'userOAuth'))
    const back = await consent(zoom, authorizeUrl(zoom, 'userOAuth'), cookie, 'decline')
    expect(back.searchParams.get('error')).toBe('access_denied')
    expect(back.searchParams.get('state')).toBe('st-123')
    expect(back.searchParams.has('code')).toBe(false)
  })

  it('carries PKCE from the authorize URL to the code (public client)', async () => {
    const { verifier, challenge } = pkcePair()
    const url = authorizeUrl(zoom, 'public', { code_challenge: challenge, code_challenge_method: 'S256' })
    const { cookie, next } = await signIn(zoom, url)
    const back = await consent(zoom, next, cookie, 'allow')
    const { clientId, redirectUri } = zoom.apps.public
    const base = { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: redirectUri, client_id: clientId }
    expect((await postForm(`${zoom.url}/oauth/token`, { ...base, code_verifier: verifier })).status).toBe(200)
  })

  it('rejects a wrong password on the sign-in page', async () => {
    const page = await (await fetch(authorizeUrl(zoom, 'userOAuth'))).text()
    const res = await postForm(`${zoom.url}/oauth/signin`, { continue: hiddenValue(page, 'continue'), email: zoom.login.email, password: 'wrong' })
    expect(res.status).toBe(401)
    expect(await res.text()).toContain('role="alert"')
  })

  it('shows an HTML error page, not a redirect, for unknown clients, unregistered redirect URIs and bad parameters', async () => {
    const cases = [
      authorizeUrl(zoom, 'userOAuth', { client_id: 'unknown' }),
      authorizeUrl(zoom, 'userOAuth', { redirect_uri: 'https://evil.example/cb' }),
      authorizeUrl(zoom, 'userOAuth', { response_type: 'token' }),
      authorizeUrl(zoom, 'userOAuth', { code_challenge: 'x'.repeat(43), code_challenge_method: 'S512' }),
      authorizeUrl(zoom, 'public'),
      `${zoom.url}/oauth/authorize?response_type=code&client_id=${zoom.apps.s2s.clientId}&redirect_uri=x`,
    ]
    for (const url of cases) {
      const res = await fetch(url, { redirect: 'manual' })
      expect(res.status).toBe(400)
      expect(res.headers.get('location')).toBeNull()
      expect(res.headers.get('content-type')).toContain('text/html')
    }
  })

  it('narrows the granted scopes to a requested subset', async () => {
    const url = authorizeUrl(zoom, 'userOAuth', { scope: 'meeting:read:meeting user:read:user not:a:scope' })
    const { cookie, next } = await signIn(zoom, url)
    const back = await consent(zoom, next, cookie, 'allow')
    const { clientId, clientSecret, redirectUri } = zoom.apps.userOAuth
    const token = await postForm(`${zoom.url}/oauth/token`, { grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: redirectUri }, { authorization: basicAuth(clientId, clientSecret) })
    expect(((await token.json()) as { scope: string }).scope).toBe('meeting:read:meeting user:read:user')
  })

  it('lets only owners and admins authorize the admin-managed app', async () => {
    const admin = (await s2sToken(zoom)).access_token
    const users = (await (await getJson(`${zoom.url}/v2/users?page_size=300`, admin)).json()) as { users: { email: string; role_id: string }[] }
    const member = users.users.find((u) => u.role_id === '2')!
    const page = await (await fetch(authorizeUrl(zoom, 'adminOAuth'))).text()
    const signedIn = await postForm(`${zoom.url}/oauth/signin`, { continue: hiddenValue(page, 'continue'), email: member.email, password: zoom.login.password })
    expect(signedIn.status).toBe(303)
    const refused = await fetch(new URL(signedIn.headers.get('location')!, zoom.url), { headers: { cookie: cookieOf(signedIn) } })
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('admin')
  })

  it('refuses a consent id from another session', async () => {
    const a = await signIn(zoom, authorizeUrl(zoom, 'userOAuth'))
    const b = await signIn(zoom, authorizeUrl(zoom, 'userOAuth'))
    const page = await (await fetch(a.next, { headers: { cookie: a.cookie } })).text()
    const res = await postForm(`${zoom.url}/oauth/consent`, { consent_id: hiddenValue(page, 'consent_id'), decision: 'allow' }, { cookie: b.cookie })
    expect(res.status).toBe(400)
  })
})

describe('redirect policy', () => {
  it('can refuse registered plain-http redirect URIs, as Zoom has been seen to', async () => {
    const strict = await startSandbox({ users: 10, rejectHttpRedirects: true, apps: { public: { redirectUris: ['https://app.example/cb'] } } })
    try {
      const refused = await fetch(authorizeUrl(strict, 'userOAuth'))
      expect(refused.status).toBe(400)
      expect(await refused.text()).toContain('4,700')
      const { challenge } = pkcePair()
      expect((await fetch(authorizeUrl(strict, 'public', { code_challenge: challenge, code_challenge_method: 'S256' }))).status).toBe(200)
    } finally {
      await strict.close()
    }
  })
})

describe('SSO sign-in', () => {
  it('routes sign-in through the identity provider page and back', async () => {
    const start = await (await fetch(authorizeUrl(ssoZoom, 'adminOAuth'))).text()
    expect(start).toContain('Sign in with SSO')
    const idp = await fetch(`${ssoZoom.url}/sso/idp?${new URLSearchParams({ continue: hiddenValue(start, 'continue') })}`)
    const idpPage = await idp.text()
    expect(idpPage).toContain('identity provider')
    expect(idpPage).toMatch(/<label for="email">Email<\/label>/)
    const posted = await postForm(`${ssoZoom.url}/sso/idp`, { continue: hiddenValue(idpPage, 'continue'), ...ssoZoom.login })
    expect(posted.status).toBe(303)
    const acs = await fetch(new URL(posted.headers.get('location')!, ssoZoom.url), { redirect: 'manual' })
    expect(acs.status).toBe(302)
    const cookie = cookieOf(acs)
    const back = await consent(ssoZoom, new URL(acs.headers.get('location')!, ssoZoom.url).toString(), cookie, 'allow')
    expect(back.searchParams.get('code')).toBeTruthy()
  })
})
