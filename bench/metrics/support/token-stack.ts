// The product's token manager (main/tokens) wired against a sandbox, as core.ts would wire it,
// with one S2S profile on the sandbox's custom cloud. Only the vault is replaced by an in-memory
// SecretStore: encryption is not what these benchmarks measure, and it keeps them off the disk's
// fsync latency. The clock is the system clock plus an offset the benchmark moves forward
// ("time passes" without sleeping), so a cached token can be made to reach its expiry.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AppError } from '../../../common/errors'
import { profileFieldsSchema, type Profile } from '../../../common/profile'
import { createTokenEndpointClient } from '../../../main/auth/token-endpoint'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import type { Clock, EventSink } from '../../../main/ports'
import { systemScheduler } from '../../../main/ports'
import type { ProfileLookup } from '../../../main/profiles/profile-lookup'
import { ConnectionBook } from '../../../main/tokens/connection-book'
import { openConnectionsDocument } from '../../../main/tokens/connections-document'
import type { SecretField, SecretStore } from '../../../main/tokens/secret-store'
import { ProfileLanes } from '../../../main/tokens/profile-lanes'
import { Timeline } from '../../../main/tokens/timeline'
import { TokenManager } from '../../../main/tokens/token-manager'

export interface S2SApp {
  accountId: string
  clientId: string
  clientSecret: string
}

export interface TokenStack {
  profile: Profile
  profiles: ProfileLookup
  tokens: TokenManager
  /** Moves the manager's clock forward by `ms`. */
  advance(ms: number): void
  close(): Promise<void>
}

const SKEW_SECONDS = 300

export function sandboxProfile(sandboxUrl: string, app: S2SApp, ratePlan: Profile['ratePlan'] = 'business'): Profile {
  const fields = profileFieldsSchema.parse({
    name: 'Benchmark S2S',
    grant: 's2s',
    accountId: app.accountId,
    clientId: app.clientId,
    cloud: { kind: 'custom', oauthBaseUrl: sandboxUrl, apiBaseUrl: sandboxUrl },
    ratePlan,
  })
  const at = new Date().toISOString()
  return { ...fields, id: 'bench-profile', createdAt: at, updatedAt: at }
}

class MemorySecrets implements SecretStore {
  private readonly values = new Map<string, string>()
  private key = (profileId: string, field: SecretField) => `${profileId}|${field}`
  getSecret(profileId: string, field: SecretField) {
    return Promise.resolve(this.values.get(this.key(profileId, field)))
  }
  setSecret(profileId: string, field: SecretField, value: string) {
    this.values.set(this.key(profileId, field), value)
    return Promise.resolve()
  }
  hasSecret(profileId: string, field: SecretField) {
    return this.values.has(this.key(profileId, field))
  }
  deleteSecret(profileId: string, field: SecretField) {
    this.values.delete(this.key(profileId, field))
    return Promise.resolve()
  }
  deleteProfile(profileId: string) {
    for (const field of ['clientSecret', 'tokens'] as const) this.values.delete(this.key(profileId, field))
    return Promise.resolve()
  }
  repairState() {
    return Promise.resolve([])
  }
  loadedRepairState() {
    return []
  }
  // One profile that never changes: nothing to bind it to.
  setBinder() {}
  bind() {
    return Promise.resolve()
  }
  checkBinding() {
    return Promise.resolve('match' as const)
  }
  status() {
    return { state: 'unlocked' as const, protection: { kind: 'memory' } }
  }
}

/** Builds the manager and connects the profile (one account_credentials request). */
export async function connectedTokenStack(sandboxUrl: string, app: S2SApp, ratePlan: Profile['ratePlan'] = 'business'): Promise<TokenStack> {
  let offset = 0
  const clock: Clock = { now: () => Date.now() + offset }
  const events: EventSink = { emit: () => undefined }
  const dir = await mkdtemp(join(tmpdir(), 'zoom-connect-bench-'))
  const profile = sandboxProfile(sandboxUrl, app, ratePlan)
  const profiles: ProfileLookup = {
    get(profileId) {
      if (profileId !== profile.id) throw new AppError('NOT_FOUND', 'No such profile.')
      return profile
    },
  }
  const secrets = new MemorySecrets()
  await secrets.setSecret(profile.id, 'clientSecret', app.clientSecret)
  const book = new ConnectionBook({
    document: await openConnectionsDocument(dir),
    events,
    clock,
    scheduler: systemScheduler,
    skewMs: () => SKEW_SECONDS * 1000,
    vault: { needsUnlock: () => false, locked: () => false, repairFields: () => [] },
  })
  const tokens = new TokenManager({
    profiles,
    secrets,
    endpoint: createTokenEndpointClient({ clock }),
    book,
    timeline: new Timeline(events),
    clock,
    scheduler: systemScheduler,
    settings: () => ({ refreshSkewSeconds: SKEW_SECONDS }),
    log: createLogger(memoryLogSink(), 'tokens'),
    lanes: new ProfileLanes(),
  })
  await tokens.connectServerToServer(profile.id)
  return {
    profile,
    profiles,
    tokens,
    advance: (ms) => void (offset += ms),
    close: async () => {
      // ConnectionBook schedules "expiring" timers on the system scheduler; forgetting the
      // profile cancels them so the process can exit.
      await tokens.forget(profile.id)
      await rm(dir, { recursive: true, force: true })
    },
  }
}
