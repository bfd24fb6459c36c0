import { describe, expect, it } from 'vitest'
import { DETAIL_RESOURCES, LIST_RESOURCES, expandPath, missingScopes, pathParamNames } from '../../../common/zoom/catalog'
import { SCOPE_PRESETS, presetScopes } from '../../../common/zoom/scope-presets'
import { validateResourceParams } from '../../../common/zoom/params'
import { LIST_RESOURCE_IDS } from '../../../common/zoom/resource-ids'

describe('validateResourceParams', () => {
  it('stringifies valid parameters and drops empty ones', () => {
    expect(validateResourceParams(LIST_RESOURCES.users, { status: 'inactive', role_id: '', include_fields: undefined })).toEqual({ ok: true, query: { status: 'inactive' } })
    expect(validateResourceParams(LIST_RESOURCES['report.daily'], { year: 2026, month: '3' })).toEqual({ ok: true, query: { year: '2026', month: '3' } })
  })

  it('reports every problem with its parameter', () => {
    const r = validateResourceParams(LIST_RESOURCES['report.daily'], { month: 13, year: 'x', bogus: 1 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues.map((i) => i.path).sort()).toEqual(['bogus', 'month', 'year'])
  })

  it('checks enums, dates, required parameters and date order', () => {
    const hosts = LIST_RESOURCES['report.hosts']
    expect(validateResourceParams(hosts, { type: 'sleepy' }).ok).toBe(false)
    expect(validateResourceParams(hosts, { from: '2026-01-01' }).ok).toBe(false) // `to` is required
    expect(validateResourceParams(hosts, { from: '2026-02-01', to: '2026-01-01' }).ok).toBe(false)
    expect(validateResourceParams(hosts, { from: '2026-01-01', to: '2026-01-31' }).ok).toBe(true)
    const now = Date.UTC(2026, 6, 1)
    expect(validateResourceParams(hosts, { from: '2025-01-01', to: '2025-01-31' }, { now }).ok).toBe(false)
  })
})

describe('expanded enum values', () => {
  it('accepts users status "all", leaving it out of the query and naming the statuses to list', () => {
    expect(validateResourceParams(LIST_RESOURCES.users, { status: 'all', role_id: 'r1' })).toEqual({
      ok: true,
      query: { role_id: 'r1' },
      expand: [{ name: 'status', values: ['active', 'inactive', 'pending'] }],
    })
    expect(validateResourceParams(LIST_RESOURCES['report.hosts'], { type: 'all', from: '2026-01-01', to: '2026-01-31' })).toEqual({
      ok: true,
      query: { from: '2026-01-01', to: '2026-01-31' },
      expand: [{ name: 'type', values: ['active', 'inactive'] }],
    })
  })

  it('accepts "all" only where the catalog declares it', () => {
    const r = validateResourceParams(LIST_RESOURCES['phone.users'], { status: 'all' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues).toEqual([{ path: 'status', message: expect.stringContaining('must be one of') }])
    expect(validateResourceParams(LIST_RESOURCES.users, { include_fields: 'all' }).ok).toBe(false)
    expect(validateResourceParams(LIST_RESOURCES.meetings, { type: 'all' }).ok).toBe(false)
    const users = validateResourceParams(LIST_RESOURCES.users, { status: 'sleeping' })
    if (!users.ok) expect(users.issues[0]?.message).toBe('Status must be one of active, inactive, pending, all')
    expect(users.ok).toBe(false)
  })

  it('every expansion stands for values Zoom accepts and is not one of them itself', () => {
    for (const id of LIST_RESOURCE_IDS) {
      for (const spec of LIST_RESOURCES[id].params) {
        if (!spec.expands) continue
        expect(spec.type).toBe('enum')
        expect(spec.values).not.toContain(spec.expands.value)
        expect(spec.expands.into.length).toBeGreaterThan(1)
        for (const v of spec.expands.into) expect(spec.values).toContain(v)
      }
    }
  })
})

describe('scopes', () => {
  it('a resource is usable when ANY accepted scope is granted', () => {
    expect(missingScopes(LIST_RESOURCES.users, ['user:read:list_users:admin'])).toEqual([])
    expect(missingScopes(LIST_RESOURCES.users, new Set(['user:read:admin', 'meeting:read']))).toEqual([])
    expect(missingScopes(LIST_RESOURCES.recordings, ['meeting:read:admin'])).toEqual([
      'cloud_recording:read:list_user_recordings:admin', 'cloud_recording:read:list_user_recordings:master', 'cloud_recording:read:list_user_recordings',
      'recording:read:admin', 'recording:read',
    ])
  })

  it('a fan-out over other users needs an account-wide scope', () => {
    expect(missingScopes(LIST_RESOURCES.meetings, ['meeting:read'], { accountWide: true })).toEqual(['meeting:read:list_meetings:admin', 'meeting:read:admin'])
  })

  it('each preset unlocks the resources it names, in its style and level', () => {
    for (const preset of SCOPE_PRESETS) {
      for (const style of ['classic', 'granular'] as const) {
        const granted = presetScopes([preset.id], style, 'admin')
        for (const id of preset.resources) {
          const resource = id in LIST_RESOURCES ? LIST_RESOURCES[id as keyof typeof LIST_RESOURCES] : DETAIL_RESOURCES[id as keyof typeof DETAIL_RESOURCES]
          // The daily report has no granular scope in Zoom's OpenAPI: classic apps only.
          if (style === 'granular' && resource.scopes.granular.length === 0) continue
          expect(missingScopes(resource, granted, { accountWide: true }), `${preset.id}/${style} → ${id}`).toEqual([])
        }
        if (style === 'granular') expect(granted.every((s) => s.split(':').length >= 3)).toBe(true)
      }
    }
    expect(presetScopes(['users', 'meetings'], 'classic', 'admin')).toEqual(['user:read:admin', 'meeting:read:admin'])
  })
})

describe('catalog shape', () => {
  it('per-user resources have {userId} in their path and nothing else needs a value', () => {
    for (const id of LIST_RESOURCE_IDS) {
      const r = LIST_RESOURCES[id]
      expect(pathParamNames(r.path)).toEqual(r.perUser ? ['userId'] : [])
      expect(r.defaultColumns.length).toBeGreaterThan(0)
    }
  })

  it('expands paths, double-encoding the UUIDs Zoom wants double-encoded', () => {
    expect(expandPath('/users/{userId}/meetings', { userId: 'a@b.com' })).toBe('/users/a%40b.com/meetings')
    expect(expandPath('/meetings/{meetingId}', { meetingId: '/ajX//9Q==' })).toBe('/meetings/%252FajX%252F%252F9Q%253D%253D')
    expect(() => expandPath('/users/{userId}', {})).toThrow(RangeError)
  })
})
