// Builds the credentials core over a temp data dir, the real vault (with the fake keychain) and
// the fakes, against a running sandbox. Every handler call goes through the contract's input
// schema (as the router does) and its result is kept as JSON for canary scans.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { channels, type ChannelName, type ChannelOutput, type ChannelInput, type ParsedInput } from '../../../common/contract'
import { isAppError } from '../../../common/errors'
import type { ProfileDraft } from '../../../common/profile'
import { createCredentials, type Credentials } from '../../../main/auth/credentials'
import type { Core } from '../../../main/core'
import { createAuthHandlers } from '../../../main/ipc/handlers/auth'
import { createProfileHandlers } from '../../../main/ipc/handlers/profiles'
import { createSettingsHandlers } from '../../../main/ipc/handlers/settings'
import type { Handler } from '../../../main/ipc/types'
import { openVault, type Vault } from '../../../main/vault'
import { createFakeAdapters } from '../../fakes/adapters'
import { FakeSafeStorage } from '../../fakes/fake-safe-storage'
import type { ManualTime } from '../../fakes/manual-time'
import type { Sandbox } from '../../sandbox'

export const CANARY_SECRET = 'CANARY-CLIENT-SECRET-7f3a9c'

/** The origin the app's own window loads from; a core started here trusts it. */
export const APP_ORIGIN = 'app://zoom-connect'

export interface Instance {
  credentials: Credentials
  vault: Vault
  fakes: ReturnType<typeof createFakeAdapters>['fakes']
  /** Calls a handler like the router would; throws the AppError on failure. */
  call<K extends CredentialChannel>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>>
  close(): Promise<void>
}

type CredentialChannel = Exclude<Extract<ChannelName, `profiles.${string}` | `settings.${string}` | `auth.${string}`>, 'settings.chooseDownloadFolder'>

export interface Harness {
  dataDir: string
  time: ManualTime
  safeStorage: FakeSafeStorage
  /** JSON of every handler result and error so far. */
  transcript: string[]
  instances: Instance[]
  /** A new "app start" over the same files. */
  start(options?: { flowTimeoutMs?: number }): Promise<Instance>
  /**
   * A start of the whole core (every service, the router) over the same files, for what only the
   * core does (the vault channels, quitting); it sets up no vault. Its router trusts APP_ORIGIN.
   */
  startCore(): Promise<Core>
  /** Every file in the data dir, concatenated (for canary scans). */
  dataFiles(): Promise<string>
  close(): Promise<void>
}

export interface HarnessOptions {
  /** Where the data dir is made (default the system temp dir; /dev/shm spares many-run tests the fsyncs). */
  baseDir?: string
  /**
   * A passphrase vault instead of the keychain: the first start sets it up with this passphrase
   * (at a cheap scrypt cost), later starts find it locked, as the app does.
   */
  passphrase?: string
}

/** Scrypt at a cost a test can afford many times (the real cost is main/vault's default). */
const CHEAP_PASSPHRASE_COST = { N: 2 ** 10, r: 8, p: 1 }

export async function createHarness(sandbox: Sandbox, time: ManualTime, options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = await mkdtemp(join(options.baseDir ?? tmpdir(), 'zc-cred-'))
  const safeStorage = new FakeSafeStorage()
  const transcript: string[] = []
  const instances: Instance[] = []
  const cores: Core[] = []

  const start = async (startOptions: { flowTimeoutMs?: number } = {}): Promise<Instance> => {
    const { adapters, fakes } = createFakeAdapters({ dataDir, safeStorage, time, script: { credentials: sandbox.login } })
    const vault = await openVault({ dir: dataDir, safeStorage, platform: 'linux', ...(options.passphrase !== undefined ? { passphraseCost: CHEAP_PASSPHRASE_COST } : {}) })
    if (vault.status().state === 'uninitialised') await (options.passphrase !== undefined ? vault.setupWithPassphrase(options.passphrase) : vault.setupWithKeychain())
    const credentials = await createCredentials({ adapters, vault, tokenRequestTimeoutMs: 5_000, ...startOptions })
    // The credential channels' handlers, as main/core.ts builds them.
    const handlers: { [C in CredentialChannel]: Handler<C> } = { ...createProfileHandlers(credentials.profiles), ...createSettingsHandlers(credentials.settings), ...createAuthHandlers(credentials.auth) }
    const instance: Instance = {
      credentials,
      vault,
      fakes,
      async call<K extends CredentialChannel>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> {
        // The router's parse, then the handler with what it returns: zod's output type for K.
        const parsed = channels[channel].input.parse(input) as ParsedInput<K>
        const handler = handlers[channel]
        try {
          const value = await handler(parsed, {})
          transcript.push(JSON.stringify(value) ?? 'undefined')
          return value
        } catch (error) {
          transcript.push(JSON.stringify(isAppError(error) ? error.toBridge() : { message: String(error) }))
          throw error
        }
      },
      close: () => credentials.dispose(),
    }
    instances.push(instance)
    return instance
  }

  return {
    dataDir,
    time,
    safeStorage,
    transcript,
    instances,
    start,
    async startCore() {
      // Loaded here, not above: only the few tests that start a core pay for importing all of it.
      const { createCore } = await import('../../../main/core')
      const { adapters } = createFakeAdapters({ dataDir, safeStorage, time, script: { credentials: sandbox.login } })
      const core = await createCore(adapters, { trustedOrigins: [APP_ORIGIN] })
      cores.push(core)
      return core
    },
    async dataFiles() {
      const names = await readdir(dataDir, { recursive: true })
      const texts = await Promise.all(names.map((name) => readFile(join(dataDir, name)).then((b) => b.toString('latin1')).catch(() => '')))
      return texts.join('\n')
    },
    async close() {
      for (const instance of instances) await instance.close()
      for (const core of cores) await core.dispose()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}

export function customCloud(sandbox: Sandbox) {
  return { kind: 'custom' as const, oauthBaseUrl: sandbox.url, apiBaseUrl: sandbox.url }
}

export function s2sDraft(sandbox: Sandbox, name = 'Sandbox S2S'): ProfileDraft {
  const app = sandbox.apps.s2s
  return { fields: { name, grant: 's2s', accountId: app.accountId, clientId: app.clientId, cloud: customCloud(sandbox) }, clientSecret: app.clientSecret }
}

export function userDraft(sandbox: Sandbox, name = 'Sandbox user app', extra: Record<string, unknown> = {}): ProfileDraft {
  const app = sandbox.apps.userOAuth
  return { fields: { name, grant: 'authorization_code', clientId: app.clientId, redirectUri: app.redirectUri, cloud: customCloud(sandbox), ...extra }, clientSecret: app.clientSecret }
}

export function publicDraft(sandbox: Sandbox, name = 'Sandbox public client'): ProfileDraft {
  const app = sandbox.apps.public
  return { fields: { name, grant: 'authorization_code', clientType: 'public', clientId: app.clientId, redirectUri: app.redirectUri, cloud: customCloud(sandbox) } }
}

/** Every token the vault holds for a profile right now (for canary lists). */
export async function tokensOf(instance: Instance, profileId: string): Promise<string[]> {
  const text = await instance.vault.getSecret(profileId, 'tokens')
  if (!text) return []
  const set = JSON.parse(text) as { accessToken: string; refreshToken?: string }
  return [set.accessToken, ...(set.refreshToken ? [set.refreshToken] : [])]
}

export function tokenRequests(sandbox: Sandbox, grant?: string): number {
  const counts = sandbox.stats().tokenRequests
  return grant ? (counts[grant] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0)
}
