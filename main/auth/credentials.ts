// The credential services: profiles, settings, tokens, the credential lifecycle and auth, built
// in dependency order over one set of profile lanes — nothing is bound after construction. No
// handlers: main/core.ts builds those (it is the one composition root).
//
//   const credentials = await createCredentials({ adapters, vault, onProblem })
//   zoom = createZoomClients({ tokens: credentials.tokens, profiles: credentials.profileLookup, outcomes: credentials.outcomes })
//   after vault.setup/unlock/lock: credentials.vaultChanged()
import type { BeforeRequestHook } from 'got'
import type { Profile } from '../../common/profile'
import type { DocumentFile, DocumentProblem } from '../store'
import { createLogger } from '../log/logger'
import { StoredProfiles } from '../profiles/profile-lookup'
import { credentialBinding, credentialBindingRule1 } from '../profiles/credential-binding'
import { ProfileService } from '../profiles/profile-service'
import { repairFields } from '../profiles/repair-fields'
import { openProfilesDocument, type ProfilesDocument } from '../profiles/profiles-document'
import { systemClock, systemScheduler, type CoreAdapters } from '../ports'
import { createSettingsService, type SettingsService } from '../settings/settings-service'
import { ConnectionBook } from '../tokens/connection-book'
import { bookOutcomes } from '../tokens/connection-outcomes'
import { PendingSecrets } from '../tokens/pending-secrets'
import type { ConnectionOutcomes } from '../zoom/ports'
import { openConnectionsDocument, type ConnectionsDocument } from '../tokens/connections-document'
import { needsUnlock, type SecretStore } from '../tokens/secret-store'
import { ProfileLanes } from '../tokens/profile-lanes'
import { Timeline } from '../tokens/timeline'
import { TokenManager, type TokenProvider } from '../tokens/token-manager'
import { AuthService } from './auth-service'
import { CredentialLifecycle } from './credential-lifecycle'
import { createTokenEndpointClient } from './token-endpoint'
import { connectWindowAgent, systemBrowserAgent } from './user-agents'

/**
 * How long locking or quitting waits for a renewal in flight. A token request still on the wire
 * then is waited for beyond it, up to its own timeout (30 s): main/tokens/settle-bound.ts.
 */
const SETTLE_BOUND_MS = 15_000

export interface CredentialsOptions {
  adapters: CoreAdapters
  /** The opened vault (main/vault's Vault satisfies SecretStore). */
  vault: SecretStore
  /** Already opened documents; when absent, profiles.json and connections.json are opened in adapters.dataDir. */
  documents?: { profiles?: DocumentFile<ProfilesDocument>; connections?: DocumentFile<ConnectionsDocument> }
  /** Files moved aside while opening the documents. */
  onProblem?: (problem: DocumentProblem) => void
  /** How long a sign-in may stay open (default 5 minutes). */
  flowTimeoutMs?: number
  /** Timeout of one token-endpoint request (default 30 s). */
  tokenRequestTimeoutMs?: number
  /** Routes the token endpoint and validation requests through the system proxy (main/net/proxy). */
  proxy?: BeforeRequestHook
}

export interface Credentials {
  profiles: ProfileService
  settings: SettingsService
  auth: AuthService
  /** For the Zoom client: a valid access token (and api_url) per profile. */
  tokens: TokenProvider
  /** For the Zoom client: the stored profile (throws NOT_FOUND). */
  profileLookup: StoredProfiles
  /** For the Zoom client: what became of API calls, shown in the connection status. */
  outcomes: ConnectionOutcomes
  /** The scopes Zoom granted the profile's token (undefined: never connected). */
  grantedScopes(profileId: string): readonly string[] | undefined
  /** Re-evaluates statuses after the vault was set up, unlocked or locked. */
  vaultChanged(): void
  /**
   * Call before locking the vault: waits (bounded) for renewals and vault writes in flight and
   * saves sets whose write failed, so a rotated refresh token is not left only in memory.
   */
  beforeLock(): Promise<void>
  dispose(): Promise<void>
}

export async function createCredentials(options: CredentialsOptions): Promise<Credentials> {
  const { adapters, vault } = options
  const clock = adapters.clock ?? systemClock
  const scheduler = adapters.scheduler ?? systemScheduler
  const profilesDocument = options.documents?.profiles ?? (await openProfilesDocument(adapters.dataDir, options.onProblem))
  const connectionsDocument = options.documents?.connections ?? (await openConnectionsDocument(adapters.dataDir, options.onProblem))
  const settings = createSettingsService(profilesDocument)

  const timeline = new Timeline(adapters.events)
  const book = new ConnectionBook({
    document: connectionsDocument,
    events: adapters.events,
    clock,
    scheduler,
    skewMs: () => settings.get().refreshSkewSeconds * 1000,
    vault: {
      needsUnlock: () => needsUnlock(vault),
      locked: () => vault.status().state === 'locked',
      repairFields: (profileId) => repairFields(vault, profileId),
    },
  })
  const proxy = options.proxy ? { proxy: options.proxy } : {}
  const endpoint = createTokenEndpointClient({ clock, ...proxy, ...(options.tokenRequestTimeoutMs ? { timeoutMs: options.tokenRequestTimeoutMs } : {}) })

  const stored = new StoredProfiles(profilesDocument)
  // The vault refuses a profile's secrets once its security fields differ from the bound ones; a
  // vault bound under the previous rule is re-bound at its first unlock (main/vault/vault.ts).
  const bindingOf = (rule: (profile: Profile) => string) => (profileId: string) => {
    try {
      return rule(stored.get(profileId))
    } catch {
      return undefined
    }
  }
  vault.setBinder(bindingOf(credentialBinding), bindingOf(credentialBindingRule1))
  // One lane per profile, shared: edits and deletes never interleave with connect, renewal or forget.
  const lanes = new ProfileLanes()
  const pendingSecrets = new PendingSecrets((profileId) => adapters.events.emit('profiles.changed', { ids: [profileId] }))
  const tokens = new TokenManager({ profiles: stored, secrets: vault, pendingSecrets, endpoint, book, timeline, clock, scheduler, settings: () => settings.get(), log: createLogger(adapters.log, 'tokens'), lanes })
  const lifecycle = new CredentialLifecycle({ lanes, tokens, book, endpoint, timeline, authWindow: adapters.authWindow, clock, scheduler, log: createLogger(adapters.log, 'auth') })
  const profiles = new ProfileService({
    lifecycle,
    pendingSecrets,
    hasWorkingConnection: (profileId) => {
      const record = book.record(profileId)
      return record !== undefined && !record.grantEnded && vault.hasSecret(profileId, 'tokens')
    },
    document: profilesDocument,
    secrets: vault,
    events: adapters.events,
    clock,
    dialogs: adapters.dialogs,
    log: createLogger(adapters.log, 'profiles'),
  })
  const auth = new AuthService({
    profiles: stored,
    tokens,
    lifecycle,
    book,
    timeline,
    endpoint,
    agents: {
      connectWindow: connectWindowAgent(adapters.authWindow, () => settings.get().rememberZoomSignIn),
      systemBrowser: systemBrowserAgent(adapters.externalBrowser),
    },
    authWindow: adapters.authWindow,
    clipboard: adapters.clipboard,
    dialogs: adapters.dialogs,
    clock,
    scheduler,
    settings: () => settings.get(),
    log: createLogger(adapters.log, 'auth'),
    ...proxy,
    ...(options.flowTimeoutMs !== undefined ? { flowTimeoutMs: options.flowTimeoutMs } : {}),
  })

  return {
    profiles,
    settings,
    auth,
    tokens,
    profileLookup: stored,
    outcomes: bookOutcomes(book),
    grantedScopes: (profileId) => book.record(profileId)?.grantedScopes,
    vaultChanged: () => {
      // Locked (by the person, or a passphrase vault at start), or started over (no key at all):
      // no token stays in memory, nor in the log redactor's registry.
      if (vault.status().state !== 'unlocked') tokens.dropCache()
      book.republish(stored.ids())
    },
    beforeLock: () => tokens.settle(SETTLE_BOUND_MS),
    async dispose() {
      // Quitting: renewed tokens reach the vault first (the caller locks it afterwards).
      await tokens.settle(SETTLE_BOUND_MS)
      auth.dispose()
      book.dispose()
      await Promise.all([profilesDocument.flush(), connectionsDocument.flush()])
    },
  }
}
