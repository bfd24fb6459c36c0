// What main sends the renderer for a connection (ProfileView): a Server-to-Server profile with a
// stored secret, for tests that need one without creating it through main.
import type { ProfileView } from '../../common/profile'
import { defaultProfileFields } from '../../common/profile'

let counter = 0
export const newId = (prefix: string) => `${prefix}${(++counter).toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`

export function makeProfile(overrides: Partial<ProfileView> = {}): ProfileView {
  return {
    ...defaultProfileFields('s2s'),
    id: newId('p'),
    name: 'Acme admin (S2S)',
    appType: 'admin',
    accountId: 'AbCdEf123',
    clientId: 'clientAbc123',
    scopes: ['user:read:admin', 'meeting:read:admin'],
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-01T10:00:00Z',
    hasClientSecret: true,
    needsRepair: [],
    ...overrides,
  }
}
