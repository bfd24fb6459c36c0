// Scope presets by use case for the connection editor: what to add to the Zoom app so a tab works.
// Derived from the catalog's accepted scopes (grantableScopes), so the presets, the Browse tab
// warnings and the 403 message name the same scopes for an app type. Admin-level presets are for
// Server-to-Server and admin-managed apps (they reach every user; per-user tabs also list the
// users); user-level presets for user-managed and public apps (the signed-in user's own data;
// per-user tabs also read the user, for the host's e-mail).
import { DETAIL_RESOURCES, LIST_RESOURCES } from './catalog'
import type { Resource } from './catalog-types'
import type { DetailResourceId, ListResourceId } from './resource-ids'
import { grantableScopes, type ScopeLevel, type ScopeStyle } from './scopes'

export type { ScopeLevel, ScopeStyle } from './scopes'
export { DEFAULT_SCOPE_STYLE, scopeStyleOf } from './scopes'
export type ScopePresetId = 'users' | 'meetings' | 'webinars' | 'recordings' | 'reports' | 'phone'

export interface ScopePreset {
  id: ScopePresetId
  title: string
  description: string
  /** The tabs the preset unlocks (at admin level; `presetResources` says which at a level). */
  resources: readonly (ListResourceId | DetailResourceId)[]
  classic: Readonly<Record<ScopeLevel, readonly string[]>>
  granular: Readonly<Record<ScopeLevel, readonly string[]>>
}

interface PresetDefinition {
  id: ScopePresetId
  title: string
  description: string
  resources: readonly (ListResourceId | DetailResourceId)[]
}

const DEFINITIONS: readonly PresetDefinition[] = [
  { id: 'users', title: 'Users', description: 'List users and read one user’s profile (a user-level app: only your own profile).', resources: ['users', 'user'] },
  { id: 'meetings', title: 'Meetings', description: 'List meetings of every user (or your own) and open a meeting.', resources: ['meetings', 'meeting'] },
  { id: 'webinars', title: 'Webinars', description: 'List webinars and open a webinar (needs the Webinar add-on).', resources: ['webinars', 'webinar'] },
  { id: 'recordings', title: 'Cloud recordings', description: 'List and download cloud recordings.', resources: ['recordings'] },
  { id: 'reports', title: 'Reports', description: 'Daily usage and active/inactive hosts (account admins, Pro plan or higher).', resources: ['report.daily', 'report.hosts'] },
  { id: 'phone', title: 'Zoom Phone', description: 'Phone users and the account’s call history (needs Zoom Phone).', resources: ['phone.users', 'phone.callHistory'] },
]

function resourceOf(id: ListResourceId | DetailResourceId): Resource {
  return id in LIST_RESOURCES ? LIST_RESOURCES[id as ListResourceId] : DETAIL_RESOURCES[id as DetailResourceId]
}

/** One scope per resource: the first read scope of the style the level can be granted. */
function pick(resource: Resource, style: ScopeStyle, level: ScopeLevel): string | undefined {
  const scopes = grantableScopes(resource, level)[style]
  return scopes.find((scope) => scope.includes(':read')) ?? scopes[0]
}

/** The resources of a preset that an app of this style and level can be granted. */
export function presetResources(preset: Pick<ScopePreset, 'resources'>, style: ScopeStyle, level: ScopeLevel): (ListResourceId | DetailResourceId)[] {
  return preset.resources.filter((id) => pick(resourceOf(id), style, level) !== undefined)
}

function derive(definition: PresetDefinition, style: ScopeStyle, level: ScopeLevel): string[] {
  const out = new Set<string>()
  const resources = presetResources(definition, style, level)
  for (const id of resources) out.add(pick(resourceOf(id), style, level) as string)
  // Per-user tabs: an admin app lists the users to fan out; a user app reads itself (host e-mail).
  if (resources.some((id) => id in LIST_RESOURCES && LIST_RESOURCES[id as ListResourceId].perUser)) {
    const helper = pick(level === 'admin' ? LIST_RESOURCES.users : DETAIL_RESOURCES.user, style, level)
    if (helper) out.add(helper)
  }
  return [...out]
}

export const SCOPE_PRESETS: readonly ScopePreset[] = DEFINITIONS.map((definition) => ({
  ...definition,
  classic: { admin: derive(definition, 'classic', 'admin'), user: derive(definition, 'classic', 'user') },
  granular: { admin: derive(definition, 'granular', 'admin'), user: derive(definition, 'granular', 'user') },
}))

/** The union of the presets' scopes for one style and level, in preset order, without repeats. */
export function presetScopes(ids: readonly ScopePresetId[], style: ScopeStyle, level: ScopeLevel): string[] {
  const out = new Set<string>()
  for (const preset of SCOPE_PRESETS) {
    if (ids.includes(preset.id)) for (const scope of preset[style][level]) out.add(scope)
  }
  return [...out]
}
