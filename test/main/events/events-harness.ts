// The real core (createCore) over a temp data dir and the fakes, against the sandbox's event
// socket, with Zoom's event schemas read from ../shared/zoom-openapi/webhooks. Every call goes
// through the router like a bridge call, and every reply is kept for canary scans.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ChannelInput, ChannelName, ChannelOutput, EventsStatus } from '../../../common/contract'
import { createCore, type Core } from '../../../main/core'
import { createLogger } from '../../../main/log/logger'
import { FolderWebhookSchemas } from '../../../main/events/schemas/webhook-schemas'
import { createFakeAdapters } from '../../fakes/adapters'
import { ManualTime } from '../../fakes/manual-time'
import { startSandbox, type Sandbox } from '../../sandbox'
import { WEBHOOKS_DIR } from '../../sandbox/ws/event-factory'

const SENDER = { frameUrl: 'app://zoom-connect/index.html', isMainFrame: true, isOurWindow: true }

export interface EventsHarness {
  sandbox: Sandbox
  core: Core
  time: ManualTime
  fakes: ReturnType<typeof createFakeAdapters>['fakes']
  dataDir: string
  /** JSON of every bridge reply so far. */
  replies: string[]
  call<K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>>
  /** The raw envelope (for error replies). */
  invoke(channel: ChannelName, input: unknown): Promise<unknown>
  /** Creates and connects the sandbox's Server-to-Server app with its subscription ID saved. */
  s2sProfile(name?: string): Promise<string>
  /** The next events.status push matching `match`. */
  nextStatus(profileId: string, match: (status: EventsStatus) => boolean): Promise<EventsStatus>
  close(): Promise<void>
}

export async function createEventsHarness(options: { seed?: number } = {}): Promise<EventsHarness> {
  const time = new ManualTime()
  const sandbox = await startSandbox({ seed: options.seed ?? 5, users: 20, now: () => time.now() })
  const dataDir = await mkdtemp(join(tmpdir(), 'zc-events-'))
  const { adapters, fakes } = createFakeAdapters({ dataDir, time })
  const eventSchemas = new FolderWebhookSchemas({ dir: WEBHOOKS_DIR, log: createLogger(fakes.logs, 'schemas') })
  const core = await createCore({ ...adapters, eventSchemas }, { trustedOrigins: ['app://zoom-connect'] })
  const replies: string[] = []
  const invoke = async (channel: ChannelName, input: unknown) => {
    const reply = await core.router.invoke(channel, SENDER, input)
    replies.push(JSON.stringify(reply))
    return reply
  }
  const call = async <K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> => {
    const reply = (await invoke(channel, input)) as { ok: true; value: ChannelOutput<K> } | { ok: false; error: { code: string; message: string } }
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code })
    return reply.value
  }
  await call('vault.setup', { protector: 'os-keychain' })
  return {
    sandbox,
    core,
    time,
    fakes,
    dataDir,
    replies,
    call,
    invoke,
    async s2sProfile(name = 'Events S2S') {
      const app = sandbox.apps.s2s
      const profile = await call('profiles.create', {
        fields: { name, grant: 's2s', accountId: app.accountId, clientId: app.clientId, cloud: { kind: 'custom', oauthBaseUrl: sandbox.url, apiBaseUrl: sandbox.url } },
        clientSecret: app.clientSecret,
      })
      await call('auth.connect', { profileId: profile.id })
      await call('events.saveConfig', { profileId: profile.id, subscriptionId: sandbox.events.info().subscriptionId })
      return profile.id
    },
    nextStatus: (profileId, match) => fakes.events.next('events.status', (s) => s.profileId === profileId && match(s)),
    async close() {
      await core.dispose()
      await sandbox.close()
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
