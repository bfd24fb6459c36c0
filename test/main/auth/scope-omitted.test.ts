// A token response without `scope` means the scopes asked for were granted (RFC 6749 §5.1); a
// renewal without it keeps what was granted before.
import { describe, expect } from 'vitest'
import { credentialsTest } from './credentials-fixture'
import { userDraft } from './credentials-harness'

const it = credentialsTest({ sandbox: { strict: { scopeOmitted: true } } })

describe('a token response that leaves scope out', () => {
  it('records the requested scopes as granted, and keeps them across a renewal', async ({ app, sandbox }) => {
    app.fakes.authWindow.behaviour = 'complete'
    app.fakes.authWindow.script = { credentials: sandbox.login }
    const requested = ['user:read:user', 'meeting:read:meeting']
    const profile = await app.call('profiles.create', userDraft(sandbox, 'Scope left out', { scopes: requested }))
    const connected = await app.call('auth.connect', { profileId: profile.id })
    expect(connected.grantedScopes).toEqual(requested)
    await app.credentials.tokens.getAccessToken(profile.id, { forceRefresh: true })
    expect(sandbox.stats().tokenRequests).toMatchObject({ refresh_token: 1 })
    expect((await app.call('auth.status', { profileId: profile.id })).grantedScopes).toEqual(requested)
  })
})
