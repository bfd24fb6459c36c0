// OAuth failures in plain words: when the connect window lands on Zoom's error page instead of
// the sign-in (4700 "Invalid redirect": the redirect URL is not registered), the app reads it and
// says what to fix, with the URL to register — against the sandbox's Zoom-like error page.
import { describe, expect } from 'vitest'
import { zoomErrorFromPage } from '../../../main/auth/zoom-error-page'
import { forgetSecret, registerSecret } from '../../../main/log/redact'
import { credentialsTest } from './credentials-fixture'
import { tokenRequests, userDraft } from './credentials-harness'

// Only the tests that ask for `app` or `sandbox` start them (the page-reading ones need neither).
const it = credentialsTest({ start: { flowTimeoutMs: 60_000 } })

const flow = { authorizeUrl: 'https://zoom.us/oauth/authorize?client_id=abc&redirect_uri=https%3A%2F%2Fapp.example%2Fcb', redirectUri: 'https://app.example/cb' }

describe('reading a Zoom error page', () => {
  it('4700 names the redirect URL to register', () => {
    const error = zoomErrorFromPage({ url: flow.authorizeUrl, title: 'Error - Zoom', text: 'Error\nInvalid redirect: https://app.example/cb (4,700)' }, flow)
    expect(error).toMatchObject({ code: 'AUTH_REDIRECT_NOT_REGISTERED', details: { zoomCode: 4700, redirectUri: 'https://app.example/cb', zoomMessage: 'Invalid redirect: https://app.example/cb (4,700)' } })
    expect(error?.message).toContain('https://app.example/cb')
    expect(error?.message).toMatch(/Redirect URL/)
  })

  it('another Zoom error code is reported with what Zoom said', () => {
    const error = zoomErrorFromPage({ url: 'https://zoom.us/oauth/error', title: 'Error - Zoom', text: 'Invalid client_id: abc (4,702)' }, flow)
    expect(error).toMatchObject({ code: 'AUTH_ZOOM_ERROR_PAGE', details: { zoomCode: 4702 } })
  })

  it('an error page without a code is reported with what it says, by its title or its HTTP status', () => {
    const titled = zoomErrorFromPage({ url: flow.authorizeUrl, title: 'Error - Zoom', text: 'Error\nThe app does not exist.\nSupport' }, flow)
    expect(titled?.code).toBe('AUTH_ZOOM_ERROR_PAGE')
    expect(titled?.message).toMatch(/^Zoom showed an error page instead of the sign-in: Error: The app does not exist\. Check the app's Client ID and redirect URL/)
    const untitled = zoomErrorFromPage({ url: 'https://zoom.us/oauth/authorize', title: 'Zoom', text: 'Zoom\nThis app is not available right now', status: 404 }, flow)
    expect(untitled).toMatchObject({ code: 'AUTH_ZOOM_ERROR_PAGE', details: { httpStatus: 404 } })
    expect(untitled?.message).toContain('error page instead of the sign-in: Zoom: This app is not available right now.')
    expect(zoomErrorFromPage({ url: flow.authorizeUrl, title: '', text: '', status: 500 }, flow)?.message).toContain('error page instead of the sign-in: HTTP 500.')
  })

  it('says nothing secret a codeless error page quotes, nor what the authorization URL carries', () => {
    const secret = 'CANARY-verifier-1f9e2d7c6b5a4'
    registerSecret(secret)
    try {
      const page = { url: `${flow.authorizeUrl}&state=STATE-abc123&code_challenge=CHALLENGE-xyz`, title: 'Something went wrong', text: `Something went wrong\nBad request <b>${secret}</b>` }
      const error = zoomErrorFromPage(page, flow)
      expect(error?.code).toBe('AUTH_ZOOM_ERROR_PAGE')
      const shown = JSON.stringify(error?.toBridge())
      for (const kept of [secret.slice(0, 12), 'STATE-abc123', 'CHALLENGE-xyz', '<b>']) expect(shown).not.toContain(kept)
    } finally {
      forgetSecret(secret)
    }
  })

  it('ignores the sign-in pages, SSO providers and pages without a code that do not read as errors', () => {
    expect(zoomErrorFromPage({ url: flow.authorizeUrl, title: 'Sign in - Zoom', text: 'Sign in\nEmail\nPassword' }, flow)).toBeUndefined()
    expect(zoomErrorFromPage({ url: flow.authorizeUrl, title: 'Authorize Error Tracker - Zoom', text: 'Allow\nDecline', status: 200 }, flow)).toBeUndefined()
    // A sign-in shown again after a wrong password: the person can go on there.
    expect(zoomErrorFromPage({ url: 'https://zoom.us/oauth/signin', title: 'Sign in - Zoom', text: 'Incorrect email or password.', status: 401 }, flow)).toBeUndefined()
    expect(zoomErrorFromPage({ url: 'https://idp.example/oauth/login', title: 'Error', text: 'Access denied', status: 403 }, flow)).toBeUndefined()
    expect(zoomErrorFromPage({ url: 'https://idp.example/oauth/login', title: 'Error', text: 'Invalid redirect (4,700)' }, flow)).toBeUndefined()
    expect(zoomErrorFromPage({ url: 'https://zoom.us/signin', title: 'Error', text: 'Invalid redirect (4,700)' }, flow)).toBeUndefined()
    expect(zoomErrorFromPage({ url: 'not a url', title: '', text: '(4,700)' }, flow)).toBeUndefined()
  })
})

describe('connecting an app Zoom does not know (an error page without a code)', () => {
  it('fails at once with what the page says, and the badge says so', async ({ app, sandbox }) => {
    const { id: profileId } = await app.call('profiles.create', userDraft(sandbox, 'Unknown app', { clientId: 'noSuchClient' }))
    const failure = await app.call('auth.connect', { profileId }).then(
      () => undefined,
      (error: unknown) => error as { code: string; message: string },
    )
    expect(failure).toMatchObject({ code: 'AUTH_ZOOM_ERROR_PAGE', message: expect.stringContaining('Zoom showed an error page instead of the sign-in: Something went wrong: Invalid client_id') })
    expect(tokenRequests(sandbox)).toBe(0)
    expect(await app.call('auth.status', { profileId })).toMatchObject({ state: 'error', error: { code: 'AUTH_ZOOM_ERROR_PAGE', message: failure?.message } })
  })
})

describe('connecting with a redirect URL Zoom does not know', () => {
  it('fails at once with AUTH_REDIRECT_NOT_REGISTERED and the URL to register, and the badge says so', async ({ app, sandbox }) => {
    const unregistered = 'https://app.example/zoom/not-registered'
    const { id: profileId } = await app.call('profiles.create', userDraft(sandbox, 'Unregistered redirect', { redirectUri: unregistered }))
    const failure = await app.call('auth.connect', { profileId }).then(
      () => undefined,
      (error: unknown) => error as { code: string; message: string; details?: Record<string, unknown> },
    )
    expect(failure).toMatchObject({ code: 'AUTH_REDIRECT_NOT_REGISTERED', details: { redirectUri: unregistered, zoomCode: 4700 } })
    expect(failure?.message).toContain(unregistered)
    expect(tokenRequests(sandbox)).toBe(0)
    expect(await app.call('auth.status', { profileId })).toMatchObject({ state: 'error', error: { code: 'AUTH_REDIRECT_NOT_REGISTERED' } })
  })
})
