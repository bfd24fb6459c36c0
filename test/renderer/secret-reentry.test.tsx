// @vitest-environment happy-dom
// A stored Client Secret is bound to its Client ID and endpoints: the editor asks for it again
// when either changes, as main does (common/profile.ts secretReentryReason).
import { describe, expect, it } from 'vitest'
import { draftFromProfile, validateDraft } from '../../renderer/features/editor/draft'
import { makeProfile } from './fake-bridge'

const stored = makeProfile({ clientId: 'client1', cloud: { kind: 'zoom' }, hasClientSecret: true, needsRepair: [] })

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

describe('an editor opened on a connection with a new secret waiting to connect', () => {
  it('has nothing to fix: the view’s pendingClientSecret flag is not a field of the draft', () => {
    const waiting = { ...stored, pendingClientSecret: true }
    const draft = draftFromProfile(waiting)
    expect(draft.fields).not.toHaveProperty('pendingClientSecret')
    expect(validateDraft(draft, true, waiting)).toEqual({})
    draft.secret = { mode: 'replace', value: 'forced-new-secret' }
    expect(validateDraft(draft, true, waiting)).toEqual({})
  })
})

describe('validation URL reach in the editor', () => {
  it('flags a validation URL outside the allowed domains before main is asked', () => {
    const draft = draftFromProfile(stored)
    draft.fields.validationUrl = 'https://evil.example/collect'
    expect(validateDraft(draft, true, stored).validationUrl).toMatch(/outside the allowed domains/)
    draft.fields.validationUrl = 'https://api.zoom.us/v2/users/me'
    expect(validateDraft(draft, true, stored).validationUrl).toBeUndefined()
  })
})
