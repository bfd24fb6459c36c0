// The kinds of Zoom app, with what the guided setup says about each (DESIGN.md "Guided setup").
import type { ProfileFieldsInput } from '../../../common/profile'
import type { AppKind } from '../../store/slices/session'

export const MARKETPLACE_BUILD_URL = 'https://marketplace.zoom.us/develop/create'
export const MARKETPLACE_APPS_URL = 'https://marketplace.zoom.us/user/build'

export interface KindInfo {
  kind: AppKind
  title: string
  summary: string
  /** Who it is for, in one sentence. */
  when: string
  /** Fields the editor starts from. */
  defaults: Pick<ProfileFieldsInput, 'grant' | 'appType' | 'clientType' | 'pkceMethod'>
}

export const KINDS: KindInfo[] = [
  {
    kind: 's2s',
    title: 'Server-to-Server OAuth',
    summary: 'Account-wide access without a sign-in. Best for admins and scripts.',
    when: 'You administer the Zoom account and want to list users, meetings, recordings or reports.',
    defaults: { grant: 's2s', appType: 'admin', clientType: 'confidential', pkceMethod: 'S256' },
  },
  {
    kind: 'user',
    title: 'User-managed OAuth app',
    summary: 'Acts as the person who signs in. Refreshes itself.',
    when: 'You build an integration that each user authorises for their own data.',
    defaults: { grant: 'authorization_code', appType: 'user', clientType: 'confidential', pkceMethod: 'S256' },
  },
  {
    kind: 'admin',
    title: 'Admin-managed OAuth app',
    summary: 'An admin authorises once for the whole account.',
    when: 'An account admin installs the app for everyone in the account.',
    defaults: { grant: 'authorization_code', appType: 'admin', clientType: 'confidential', pkceMethod: 'S256' },
  },
  {
    kind: 'public',
    title: 'Public app (PKCE)',
    summary: 'No Client Secret: PKCE proves the flow instead.',
    when: 'The app cannot keep a secret (a desktop or mobile client you distribute).',
    defaults: { grant: 'authorization_code', appType: 'user', clientType: 'public', pkceMethod: 'S256' },
  },
]

export const kindInfo = (kind: AppKind): KindInfo => KINDS.find((k) => k.kind === kind) ?? (KINDS[0] as KindInfo)

/** Which kind a saved profile is, for showing its guidance again. */
export function kindOf(fields: Pick<ProfileFieldsInput, 'grant' | 'appType' | 'clientType'>): AppKind {
  if (fields.grant === 's2s') return 's2s'
  if (fields.clientType === 'public') return 'public'
  return fields.appType === 'admin' ? 'admin' : 'user'
}
