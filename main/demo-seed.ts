// `npm run demo`: the app starts with one profile per sandbox app, so a newcomer can try every
// feature without a Zoom account. Only the dev build reads ZOOM_CONNECT_DEMO (main/index.ts).
import { z } from 'zod'
import type { VaultStatus } from '../common/contract'
import type { ProfileDraft, ProfileView } from '../common/profile'
import type { Credentials } from './auth/credentials'

export const demoSeedSchema = z.object({
  url: z.string().url(),
  apps: z.object({
    s2s: z.object({ accountId: z.string(), clientId: z.string(), clientSecret: z.string() }),
    userOAuth: z.object({ clientId: z.string(), clientSecret: z.string(), redirectUri: z.string() }),
    adminOAuth: z.object({ clientId: z.string(), clientSecret: z.string(), redirectUri: z.string() }),
    public: z.object({ clientId: z.string(), redirectUri: z.string() }),
  }),
  /** The sandbox's event subscription: saved on the Server-to-Server profile, so its Events tab connects at once. */
  eventSubscriptionId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/).optional(),
  /** Used when the OS keychain is not real protection (Linux basic_text). */
  passphrase: z.string().min(8).default('zoom-connect-demo'),
})
export type DemoSeed = z.input<typeof demoSeedSchema>

interface DemoVault {
  status(): VaultStatus
  setupWithKeychain(): Promise<VaultStatus>
  setupWithPassphrase(passphrase: string): Promise<VaultStatus>
}

export function demoDrafts(seed: z.output<typeof demoSeedSchema>): ProfileDraft[] {
  const cloud = { kind: 'custom' as const, oauthBaseUrl: seed.url, apiBaseUrl: seed.url }
  const { s2s, userOAuth, adminOAuth } = seed.apps
  const note = 'Created by npm run demo: the local Zoom sandbox. Sign in with the e-mail and password the demo printed.'
  return [
    { fields: { name: 'Sandbox · Server-to-Server', grant: 's2s', accountId: s2s.accountId, clientId: s2s.clientId, cloud, notes: note }, clientSecret: s2s.clientSecret },
    { fields: { name: 'Sandbox · User-managed app', grant: 'authorization_code', clientId: userOAuth.clientId, redirectUri: userOAuth.redirectUri, cloud, notes: note }, clientSecret: userOAuth.clientSecret },
    { fields: { name: 'Sandbox · Admin-managed app', grant: 'authorization_code', appType: 'admin', clientId: adminOAuth.clientId, redirectUri: adminOAuth.redirectUri, cloud, notes: note }, clientSecret: adminOAuth.clientSecret },
    { fields: { name: 'Sandbox · Public PKCE app', grant: 'authorization_code', clientType: 'public', clientId: seed.apps.public.clientId, redirectUri: seed.apps.public.redirectUri, cloud, notes: note } },
  ]
}

/** Sets up the vault if needed and creates the demo profiles that do not exist yet (by name). */
export async function seedDemoProfiles(input: unknown, deps: { vault: DemoVault; credentials: Credentials }): Promise<ProfileView[]> {
  const seed = demoSeedSchema.parse(input)
  if (deps.vault.status().state === 'uninitialised') {
    if (deps.vault.status().keychain.secure) await deps.vault.setupWithKeychain()
    else await deps.vault.setupWithPassphrase(seed.passphrase)
  }
  const existing = new Set((await deps.credentials.profiles.list()).map((p) => p.name))
  const created: ProfileView[] = []
  for (const draft of demoDrafts(seed)) {
    if (!existing.has(draft.fields.name)) created.push(await deps.credentials.profiles.create(draft))
  }
  return created
}
