// Scopes said once: the editor's presets, the Browse tab warnings and the 403 message all come
// from grantableScopes, and name only scopes the app type (admin- or user-level) can be granted.
import { describe, expect, it } from 'vitest'
import { DETAIL_RESOURCES, LIST_RESOURCES, isAccountWideScope, missingScopesForApp, scopeLevelOf, scopeMissingMessage, scopesForApp } from '../../../common/zoom/catalog'
import { SCOPE_PRESETS, presetResources } from '../../../common/zoom/scope-presets'

const resourceOf = (id: string) => (id in LIST_RESOURCES ? LIST_RESOURCES[id as keyof typeof LIST_RESOURCES] : DETAIL_RESOURCES[id as keyof typeof DETAIL_RESOURCES])

describe('scopes for an app type', () => {
  it('Server-to-Server and admin-managed apps are admin-level; user-managed and public apps user-level', () => {
    expect(scopeLevelOf({ grant: 's2s' })).toBe('admin')
    expect(scopeLevelOf({ grant: 'authorization_code', appType: 'admin' })).toBe('admin')
    expect(scopeLevelOf({ grant: 'authorization_code', appType: 'user' })).toBe('user')
  })

  it('names only the scopes the level can be granted, granular first (the style of every new app)', () => {
    expect(scopesForApp(LIST_RESOURCES.meetings, 'admin')).toEqual(['meeting:read:list_meetings:admin', 'meeting:read:admin'])
    expect(scopesForApp(LIST_RESOURCES.meetings, 'user')).toEqual(['meeting:read:list_meetings', 'meeting:read'])
    // Listing users is account-wide in granular style: a user-level granular app cannot.
    expect(scopesForApp(LIST_RESOURCES.users, 'user').filter((s) => s.split(':').length > 2)).toEqual([])
  })

  it('every preset scope is one the level can be granted, and unlocks what the preset says at that level', () => {
    for (const preset of SCOPE_PRESETS) {
      for (const style of ['classic', 'granular'] as const) {
        for (const level of ['admin', 'user'] as const) {
          const scopes = preset[style][level]
          for (const scope of scopes) expect(isAccountWideScope(scope), `${preset.id}/${style}/${level}: ${scope}`).toBe(level === 'admin')
          for (const id of presetResources(preset, style, level)) expect(missingScopesForApp(resourceOf(id), scopes, level), `${preset.id}/${style}/${level} → ${id}`).toEqual([])
        }
      }
    }
  })

  it('the Users preset does not promise listing users to a user-level granular app', () => {
    const users = SCOPE_PRESETS.find((p) => p.id === 'users')!
    expect(presetResources(users, 'granular', 'user')).toEqual(['user'])
    expect(users.granular.user).toEqual(['user:read:user'])
    expect(presetResources(users, 'granular', 'admin')).toEqual(['users', 'user'])
  })

  it('the tab warning and the 403 message name the same scopes', () => {
    for (const level of ['admin', 'user'] as const) {
      const missing = missingScopesForApp(LIST_RESOURCES.recordings, [], level)
      expect(missing).toEqual(scopesForApp(LIST_RESOURCES.recordings, level))
      expect(scopeMissingMessage(LIST_RESOURCES.recordings, level)).toContain(missing.join(', '))
    }
    expect(scopeMissingMessage(LIST_RESOURCES['phone.users'], 'user')).toContain('admin-level app')
  })

  it('the 403 message of a user-level app says the scope goes on the connection too (Reconnect asks for the connection’s scopes)', () => {
    expect(scopeMissingMessage(LIST_RESOURCES.recordings, 'user')).toContain('the Zoom Marketplace and to this connection’s Scopes (Edit), then reconnect.')
    // An admin-level app's token carries the scopes set in the Marketplace.
    expect(scopeMissingMessage(LIST_RESOURCES.recordings, 'admin')).not.toContain('(Edit)')
  })
})
