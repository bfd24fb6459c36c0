// Scope presets by use case for the connection editor: what to add to the Zoom app so a tab works.
// Admin-level presets are for Server-to-Server and admin-managed apps (they reach every user);
// user-level presets are for user-managed apps (the signed-in user's own data only). Fan-out tabs
// (meetings, webinars, recordings of every user) also need to list the users.
import type { DetailResourceId, ListResourceId } from './resource-ids'

export type ScopePresetId = 'users' | 'meetings' | 'webinars' | 'recordings' | 'reports' | 'phone'
export type ScopeStyle = 'classic' | 'granular'
export type ScopeLevel = 'admin' | 'user'

export interface ScopePreset {
  id: ScopePresetId
  title: string
  description: string
  /** The tabs the preset unlocks. */
  resources: readonly (ListResourceId | DetailResourceId)[]
  classic: Readonly<Record<ScopeLevel, readonly string[]>>
  granular: Readonly<Record<ScopeLevel, readonly string[]>>
}

export const SCOPE_PRESETS: readonly ScopePreset[] = [
  {
    id: 'users',
    title: 'Users',
    description: 'List users and read one user’s profile.',
    resources: ['users', 'user'],
    classic: { admin: ['user:read:admin'], user: ['user:read'] },
    granular: { admin: ['user:read:list_users:admin', 'user:read:user:admin'], user: ['user:read:user'] },
  },
  {
    id: 'meetings',
    title: 'Meetings',
    description: 'List meetings of every user (or your own) and open a meeting.',
    resources: ['meetings', 'meeting'],
    classic: { admin: ['meeting:read:admin', 'user:read:admin'], user: ['meeting:read', 'user:read'] },
    granular: {
      admin: ['meeting:read:list_meetings:admin', 'meeting:read:meeting:admin', 'user:read:list_users:admin'],
      user: ['meeting:read:list_meetings', 'meeting:read:meeting', 'user:read:user'],
    },
  },
  {
    id: 'webinars',
    title: 'Webinars',
    description: 'List webinars and open a webinar (needs the Webinar add-on).',
    resources: ['webinars', 'webinar'],
    classic: { admin: ['webinar:read:admin', 'user:read:admin'], user: ['webinar:read', 'user:read'] },
    granular: {
      admin: ['webinar:read:list_webinars:admin', 'webinar:read:webinar:admin', 'user:read:list_users:admin'],
      user: ['webinar:read:list_webinars', 'webinar:read:webinar', 'user:read:user'],
    },
  },
  {
    id: 'recordings',
    title: 'Cloud recordings',
    description: 'List and download cloud recordings.',
    resources: ['recordings'],
    classic: { admin: ['recording:read:admin', 'user:read:admin'], user: ['recording:read', 'user:read'] },
    granular: {
      admin: ['cloud_recording:read:list_user_recordings:admin', 'user:read:list_users:admin'],
      user: ['cloud_recording:read:list_user_recordings', 'user:read:user'],
    },
  },
  {
    id: 'reports',
    title: 'Reports',
    description: 'Daily usage and active/inactive hosts (account admins, Pro plan or higher).',
    resources: ['report.daily', 'report.hosts'],
    // Zoom's OpenAPI gives the daily report no granular scope: only classic apps can read it.
    classic: { admin: ['report:read:admin'], user: [] },
    granular: { admin: ['report:read:list_users:admin'], user: [] },
  },
  {
    id: 'phone',
    title: 'Zoom Phone',
    description: 'Phone users and the account’s call history (needs Zoom Phone).',
    resources: ['phone.users', 'phone.callHistory'],
    classic: { admin: ['phone:read:admin'], user: [] },
    granular: { admin: ['phone:read:list_users:admin', 'phone:read:list_call_logs:admin'], user: [] },
  },
]

/** The union of the presets' scopes for one style and level, in preset order, without repeats. */
export function presetScopes(ids: readonly ScopePresetId[], style: ScopeStyle, level: ScopeLevel): string[] {
  const out = new Set<string>()
  for (const preset of SCOPE_PRESETS) {
    if (ids.includes(preset.id)) for (const scope of preset[style][level]) out.add(scope)
  }
  return [...out]
}
