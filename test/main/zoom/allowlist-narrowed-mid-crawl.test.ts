// The allowlist is the boundary every request meets (DESIGN.md, "Security model"). A listing in
// progress holds its profile's client for all its pages: once the person removed a host from the
// connection's allowed domains, no later page, retry or redirect of that listing may carry the
// token there.
import { describe, expect } from 'vitest'
import { createZoomClients } from '../../../main/zoom'
import { credentialsTest } from '../auth/credentials-fixture'
import { s2sDraft } from '../auth/credentials-harness'

// regional: the API host the sandbox names as the token's api_url.
const it = credentialsTest({ sandbox: ({ proxies }) => ({ users: 30, apiUrl: proxies.regional.url }), proxies: ['regional'] })

describe('an allowlist narrowed while a listing runs', () => {
  it('the listing sends no further request to the removed host', async ({ app, sandbox, proxies: { regional } }) => {
    const draft = s2sDraft(sandbox, 'Narrowed')
    const own = new URL(sandbox.url).host
    app.fakes.dialogs.confirmAnswers.push(true)
    const profile = await app.call('profiles.create', { ...draft, fields: { ...draft.fields, allowedDomains: [own, new URL(regional.url).host] } })
    await app.call('auth.connect', { profileId: profile.id })
    const zoom = createZoomClients({ tokens: app.credentials.tokens, profiles: app.credentials.profileLookup, rateLimiting: false, retry: { limit: 0 } })

    const pages = zoom.forProfile(profile.id).paginate({ path: '/users', listKey: 'users', pageSize: 10 })
    await pages.next()
    expect(regional.seen).toEqual(['/v2/users'])

    // The person removes the regional host: the token may now go only to the sandbox's own host.
    await app.call('profiles.update', { id: profile.id, draft: { fields: { ...draft.fields, allowedDomains: [own] } } })
    regional.seen.length = 0
    await expect(pages.next()).rejects.toMatchObject({ code: 'DOMAIN_NOT_ALLOWED' })
    expect(regional.seen).toEqual([])
  })
})
