// Granular by default: a new connection's presets must name scopes an app made in today's Zoom
// Marketplace accepts, and a stored list of scopes must be read back in its own style. The preset
// names are checked against Zoom's OpenAPI files, not against our own catalog.
import { describe, expect, it } from 'vitest'
import { DEFAULT_SCOPE_STYLE, SCOPE_PRESETS, scopeStyleOf } from '../../../common/zoom/scope-presets'
import { ZOOM_OPENAPI_AVAILABLE, zoomOpenApiFiles, zoomOpenApiTitle } from '../../support/zoom-openapi'

interface OperationScopes {
  'x-extensions'?: { 'x-macro-scopes'?: string[]; 'x-granular-scopes'?: string[] }
}

/** Every scope name Zoom's operations list, by kind: `x-granular-scopes` and `x-macro-scopes` (classic). */
function readZoomScopeNames(): { granular: Set<string>; classic: Set<string> } {
  const granular = new Set<string>()
  const classic = new Set<string>()
  for (const { document } of zoomOpenApiFiles()) {
    const paths = (document as { paths?: Record<string, Record<string, OperationScopes>> }).paths ?? {}
    for (const item of Object.values(paths)) {
      for (const operation of Object.values(item)) {
        const ext = operation['x-extensions']
        for (const s of ext?.['x-granular-scopes'] ?? []) granular.add(s)
        for (const s of ext?.['x-macro-scopes'] ?? []) classic.add(s)
      }
    }
  }
  return { granular, classic }
}

let zoomNames: ReturnType<typeof readZoomScopeNames> | undefined
/** Read once: the files are 31 MB. */
const zoomScopeNames = () => (zoomNames ??= readZoomScopeNames())

const LEVELS = ['admin', 'user'] as const

describe('scope style', () => {
  it('is granular for a connection with no scopes yet', () => {
    expect(DEFAULT_SCOPE_STYLE).toBe('granular')
    expect(scopeStyleOf([])).toBeUndefined()
  })

  it('reads a stored list in its own style, whatever the level suffix', () => {
    expect(scopeStyleOf(['user:read:user', 'meeting:read:list_meetings'])).toBe('granular')
    expect(scopeStyleOf(['user:read:list_users:admin', 'cloud_recording:read:list_user_recordings:master'])).toBe('granular')
    expect(scopeStyleOf(['user:read', 'meeting:read'])).toBe('classic')
    // Three parts, yet classic: the third is the level, not a data claim.
    expect(scopeStyleOf(['user:read:admin', 'meeting:read:admin'])).toBe('classic')
    expect(scopeStyleOf(['user_profile'])).toBe('classic')
    // A classic name of three parts next to an ordinary classic one.
    expect(scopeStyleOf(['meeting_token:read:local_recording', 'meeting:read'])).toBe('classic')
  })

  it('reads every preset back in the style it was made for', () => {
    for (const preset of SCOPE_PRESETS) {
      for (const level of LEVELS) {
        for (const style of ['classic', 'granular'] as const) {
          const scopes = preset[style][level]
          if (scopes.length > 0) expect(scopeStyleOf(scopes), `${preset.id}/${style}/${level}`).toBe(style)
        }
      }
    }
  })

  it.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('offers only names Zoom lists as granular under Granular, and as classic under Classic'), () => {
    const zoom = zoomScopeNames()
    for (const preset of SCOPE_PRESETS) {
      for (const level of LEVELS) {
        for (const scope of preset.granular[level]) {
          expect(zoom.granular.has(scope), `${preset.id}/granular/${level}: ${scope}`).toBe(true)
          expect(zoom.classic.has(scope), `${preset.id}/granular/${level}: ${scope} is also a classic name`).toBe(false)
        }
        for (const scope of preset.classic[level]) expect(zoom.classic.has(scope), `${preset.id}/classic/${level}: ${scope}`).toBe(true)
      }
    }
    // The presets a new user-managed or public connection offers first, spelled out.
    const userGranular = Object.fromEntries(SCOPE_PRESETS.map((p) => [p.id, p.granular.user]))
    expect(userGranular).toEqual({
      users: ['user:read:user'],
      meetings: ['meeting:read:list_meetings', 'meeting:read:meeting', 'user:read:user'],
      webinars: ['webinar:read:list_webinars', 'webinar:read:webinar', 'user:read:user'],
      recordings: ['cloud_recording:read:list_user_recordings', 'user:read:user'],
      reports: [],
      phone: [],
    })
  })

  it.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('reads every granular name in Zoom’s files as granular, but the one of two parts'), () => {
    const misread = [...zoomScopeNames().granular].filter((scope) => scopeStyleOf([scope]) !== 'granular')
    expect(misread).toEqual(['scim2:admin'])
  })
})
