// @vitest-environment happy-dom
// A stored Client Secret is bound to its Client ID and endpoints: the editor asks for it again
// when either changes, as main does (common/profile.ts secretReentryReason).
import { describe, expect, it } from 'vitest'
import { draftFromProfile, validateDraft } from '../../renderer/features/editor/draft'
import type { ProfileView } from '../../common/profile'

const stored: ProfileView = {
  id: 'p1',
  name: 'Acme',
  description: '',
  grant: 's2s',
  appType: 'user',
  clientType: 'confidential',
  accountId: 'acct1',
  clientId: 'client1',
  scopes: [],
  pkceMethod: 'S256',
  redirectUri: '',
  authorizeWith: 'connect-window',
  cloud: { kind: 'zoom' },
  validationUrl: '',
  allowedDomains: [],
  ratePlan: 'pro',
  notes: '',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  hasClientSecret: true,
  needsRepair: [],
}

describe('secret re-entry in the editor', () => {
  it('keeps the stored secret for an unrelated edit', () => {
    const draft = draftFromProfile(stored)
    draft.fields.notes = 'new notes'
    expect(validateDraft(draft, true, stored).clientSecret).toBeUndefined()
  })

  it.each([
    ['the Client ID', (d: ReturnType<typeof draftFromProfile>) => void (d.fields.clientId = 'client2'), /Client ID changed/],
    ['the endpoints', (d: ReturnType<typeof draftFromProfile>) => void (d.fields.cloud = { kind: 'custom', oauthBaseUrl: 'https://evil.example', apiBaseUrl: 'https://evil.example' }), /endpoints changed/],
  ])('asks for the secret again when %s change', (_what, change, message) => {
    const draft = draftFromProfile(stored)
    change(draft)
    expect(validateDraft(draft, true, stored).clientSecret).toMatch(message)
    draft.secret = { mode: 'replace', value: 'a-new-secret-value' }
    expect(validateDraft(draft, true, stored).clientSecret).toBeUndefined()
  })
})
