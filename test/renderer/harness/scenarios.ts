// Ready-made states of the app on the fake bridge, for looking at screens in a real browser
// (screenshots, axe, manual checks): ?s=<scenario>&theme=light|dark.
import type { FakeOptions } from '../fake-bridge'
import { makeProfile } from '../fake-bridge'

const now = Date.now()

export function scenario(name: string): FakeOptions & { timeline?: boolean } {
  const s2s = makeProfile({ id: 'acme-s2s', name: 'Acme — admin (S2S)', scopes: ['user:read:admin', 'meeting:read:admin', 'recording:read:admin', 'report:read:admin'], description: 'Production account' })
  const user = makeProfile({
    id: 'dev-user',
    name: 'Dev sandbox — user app',
    grant: 'authorization_code',
    appType: 'user',
    clientType: 'confidential',
    accountId: '',
    redirectUri: 'https://localhost/zoom-connect/callback',
    scopes: ['user:read', 'meeting:read'],
  })
  const admin = makeProfile({ id: 'ops-admin', name: 'Ops — admin-managed', grant: 'authorization_code', appType: 'admin', accountId: '', redirectUri: 'https://localhost/zoom-connect/callback', scopes: ['user:read:admin'] })
  const pub = makeProfile({ id: 'cli-public', name: 'CLI (public PKCE)', grant: 'authorization_code', appType: 'user', clientType: 'public', accountId: '', hasClientSecret: false, redirectUri: 'https://localhost/zoom-connect/callback', scopes: ['user:read'] })
  const base: FakeOptions & { timeline?: boolean } = {
    latencyMs: 20,
    rowCount: { users: 100_000, meetings: 4_200, recordings: 180, 'report.daily': 30 },
    profiles: [s2s, user, admin, pub],
    statuses: [
      { profileId: s2s.id, state: 'connected', expiresAt: now + 52 * 60_000, lastRefreshAt: now - 8 * 60_000, connectedAt: now - 3 * 3_600_000, grantedScopes: ['user:read:admin', 'meeting:read:admin', 'recording:read:admin'], apiUrl: 'https://api.zoom.us', hasRefreshToken: false, lastValidation: { ok: true, at: new Date(now - 5 * 60_000).toISOString(), url: 'https://api.zoom.us/v2/users/me', httpStatus: 200, latencyMs: 131, identity: { displayName: 'Ada Okafor', email: 'ada@acme.example' } } },
      { profileId: user.id, state: 'expiring', expiresAt: now + 3 * 60_000, lastRefreshAt: now - 57 * 60_000, grantedScopes: ['user:read', 'meeting:read'], apiUrl: 'https://api.zoom.us', hasRefreshToken: true },
      { profileId: admin.id, state: 'reconnect_needed', grantedScopes: [], hasRefreshToken: false, error: { code: 'AUTH_INVALID_GRANT', message: 'Zoom no longer accepts the refresh token: reconnect to sign in again.', details: { zoomMessage: 'Invalid Token!' } } },
    ],
    timeline: true,
  }
  switch (name) {
    case 'empty':
      return { latencyMs: 20 }
    case 'insecure':
      return { ...base, vault: { state: 'unlocked', protection: { kind: 'os-keychain', backend: 'basic_text', secure: false, reason: 'Linux offers only basic_text here: no keyring is running.' }, keychain: { available: true, backend: 'basic_text', secure: false } } }
    case 'locked':
      return { ...base, vault: { state: 'locked', protection: { kind: 'passphrase', secure: true }, keychain: { available: true, backend: 'gnome_libsecret', secure: true } } }
    case 'problems':
      return { ...base, problems: [{ file: '/home/me/.config/Zoom Connect/profiles.json', movedTo: '/home/me/.config/Zoom Connect/profiles.json.corrupt-20261122T0712', reason: 'The connections file was not valid JSON.', at: new Date(now - 600_000).toISOString() }] }
    case 'crawling':
      return { ...base, manualJobs: true }
    default:
      return base
  }
}
