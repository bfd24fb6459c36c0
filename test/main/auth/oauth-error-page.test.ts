// OAuth failures in plain words: when the connect window lands on Zoom's error page instead of
// the sign-in (4700 "Invalid redirect": the redirect URL is not registered), the app reads it and
// says what to fix, with the URL to register — against the sandbox's Zoom-like error page.
import { describe, expect } from 'vitest'
import { zoomErrorFromPage } from '../../../main/auth/zoom-error-page'
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

  it('ignores the sign-in pages, SSO providers and pages without a code', () => {
    expect(zoomErrorFromPage({ url: flow.authorizeUrl, title: 'Sign in - Zoom', text: 'Sign in\nEmail\nPassword' }, flow)).toBeUndefined()
    expect(zoomErrorFromPage({ url: 'https://idp.example/oauth/login', title: 'Error', text: 'Invalid redirect (4,700)' }, flow)).toBeUndefined()
    expect(zoomErrorFromPage({ url: 'https://zoom.us/signin', title: 'Error', text: 'Invalid redirect (4,700)' }, flow)).toBeUndefined()
    expect(zoomErrorFromPage({ url: 'not a url', title: '', text: '(4,700)' }, flow)).toBeUndefined()
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
