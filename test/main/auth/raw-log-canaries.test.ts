// The canary scans of the other suites read the log sink AFTER redaction, so a code path that
// passes a token to a log call passes them anyway (the redactor scrubs it). This suite turns the
// redactor off for log lines and scans what the code actually hands to the logger: a regression
// that logs a secret fails here instead of being masked.
import { describe, expect, vi } from 'vitest'
import { credentialsTest } from './credentials-fixture'
import type * as RedactModule from '../../../main/log/redact'
import { CANARY_SECRET, publicDraft, s2sDraft, tokensOf, userDraft } from './credentials-harness'

// Log lines reach the sink unredacted; everything else of the module (the registry) is real.
vi.mock('../../../main/log/redact', async (importOriginal) => ({ ...(await importOriginal<typeof RedactModule>()), redact: (text: string) => text }))

const HOUR = 3600_000
const canaries = new Set<string>()
const it = credentialsTest({ sandbox: { apps: { s2s: { clientSecret: `${CANARY_SECRET}-s2s` }, userOAuth: { clientSecret: `${CANARY_SECRET}-user` } } } })
  /** Adds the profile's current tokens to the canaries. */
  .extend('remember', { scope: 'file' }, ({ app }) => async (profileId: string) => {
    for (const token of await tokensOf(app, profileId)) canaries.add(token)
  })

it.beforeAll(({ app, sandbox }) => {
  canaries.add(sandbox.apps.s2s.clientSecret).add(sandbox.apps.userOAuth.clientSecret)
  for (const appInfo of [sandbox.apps.s2s, sandbox.apps.userOAuth]) canaries.add(Buffer.from(`${appInfo.clientId}:${appInfo.clientSecret}`).toString('base64'))
  app.fakes.authWindow.rewriteCallback = (url) => {
    const code = new URL(url).searchParams.get('code')
    if (code) canaries.add(code)
    return url
  }
})

describe('what the code hands to the logger (before redaction)', () => {
  it('never contains a client secret, token or authorization code, across the logging paths', async ({ app, sandbox, time, remember }) => {
    const ids: string[] = []
    for (const draft of [s2sDraft(sandbox, 'Raw S2S'), userDraft(sandbox, 'Raw user'), publicDraft(sandbox, 'Raw public')]) {
      const profile = await app.call('profiles.create', draft)
      await app.call('auth.connect', { profileId: profile.id })
      await remember(profile.id)
      ids.push(profile.id)
    }
    const [s2s = '', user = '', pub = ''] = ids

    // Renewal failures that keep the tokens (warn lines with the error).
    time.advance(HOUR)
    for (const fault of [{ kind: 'status' as const, status: 503 }, { kind: 'reset' as const }, { kind: 'html' as const, status: 400 }]) {
      sandbox.setFaults([{ ...fault, pathPrefix: '/oauth/token', count: 1 }])
      await app.credentials.tokens.getAccessToken(user).catch(() => undefined)
      time.advance(60_000)
    }
    sandbox.setFaults([])
    await app.credentials.tokens.getAccessToken(user)
    await remember(user)

    // A grant Zoom ended (warn line with Zoom's reason).
    sandbox.revokeAllGrants()
    time.advance(HOUR)
    await app.credentials.tokens.getAccessToken(pub).catch(() => undefined)

    // Validation, then revocations that fail (warn lines while deleting and disconnecting).
    await app.call('auth.test', { profileId: s2s })
    sandbox.setFaults([{ kind: 'reset', pathPrefix: '/oauth/revoke' }])
    await app.call('auth.connect', { profileId: s2s })
    await remember(s2s)
    await app.call('auth.disconnect', { profileId: s2s })
    await app.call('profiles.delete', { id: user })
    sandbox.setFaults([])

    await app.credentials.dispose()
    const lines = app.fakes.logs.records.map((r) => JSON.stringify(r))
    // The paths above did log: the scan reads something.
    expect(lines.filter((l) => l.includes('"warn"')).length).toBeGreaterThanOrEqual(4)
    expect(canaries.size).toBeGreaterThan(10)
    const text = lines.join('\n')
    for (const secret of canaries) {
      for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
        expect(text.includes(form), `a secret was passed to a log call: ${form.slice(0, 6)}…`).toBe(false)
      }
    }
  })
})
