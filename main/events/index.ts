// The composition of live events for main/core.ts: the events.json document, the schema source
// (a cache folder in the data directory filled from Zoom's published event files), the socket
// factory (ws) and the service. Its events.* handlers are built by main/core.ts.
import { join } from 'node:path'
import type { Agent } from 'node:http'
import type { Agents, BeforeRequestHook } from 'got'
import type { DocumentProblem } from '../store'
import type { Logger } from '../log/logger'
import type { DatasetStore } from '../data/datasets/dataset-store'
import type { ProfileLookup } from '../profiles/profile-lookup'
import type { Clock, EventSink, Scheduler } from '../ports'
import type { SecretStore } from '../tokens/secret-store'
import type { TokenProvider } from '../net/token-port'
import type { SocketFactory } from './event-socket'
import { EVENTS_FILE, openEventsDocument } from './events-config-document'
import { EventsService, type EventsServiceDeps } from './events-service'
import { FolderWebhookSchemas, type WebhookSchemaPort } from './schemas/webhook-schemas'
import { createPublicTextFetcher } from '../net/public-text'
import { createWsFactory } from './ws-factory'

export { EVENTS_FILE }
export const EVENT_SCHEMAS_DIR = 'zoom-event-schemas'

export interface LiveEventsOptions {
  dataDir: string
  profiles: ProfileLookup
  tokens: TokenProvider
  vault: Pick<SecretStore, 'getSecret' | 'setSecret' | 'deleteSecret' | 'hasSecret'>
  datasets: DatasetStore
  events: EventSink
  clock: Clock
  scheduler: Scheduler
  log: Logger
  refreshSkewMs: () => number
  /** The system proxy, as for the rest of main's network: the socket's agents and the schema download's hook. */
  proxy?: { agentsFor: (url: string) => Promise<Agents | undefined>; hook: BeforeRequestHook }
  /** Tests: a socket factory other than ws, schemas from elsewhere, socket tuning. */
  factory?: SocketFactory
  schemas?: WebhookSchemaPort
  socket?: EventsServiceDeps['socket']
  onProblem?: (problem: DocumentProblem) => void
}

export interface LiveEvents {
  service: EventsService
}

/** Renew the socket's token a minute before the token manager would (so its renewal is due). */
const RENEW_MARGIN_MS = 60_000

export async function createLiveEvents(options: LiveEventsOptions): Promise<LiveEvents> {
  const document = await openEventsDocument(options.dataDir, options.onProblem)
  const schemas =
    options.schemas ??
    new FolderWebhookSchemas({
      dir: join(options.dataDir, EVENT_SCHEMAS_DIR),
      fetchText: createPublicTextFetcher({ proxy: options.proxy?.hook }),
      log: options.log,
    })
  const service = new EventsService({
    profiles: options.profiles,
    tokens: options.tokens,
    vault: options.vault,
    document,
    datasets: options.datasets,
    schemas,
    events: options.events,
    factory: options.factory ?? createWsFactory(options.proxy ? { agentFor: socketAgent(options.proxy.agentsFor) } : {}),
    clock: options.clock,
    scheduler: options.scheduler,
    log: options.log,
    renewAheadMs: () => options.refreshSkewMs() + RENEW_MARGIN_MS,
    ...(options.socket ? { socket: options.socket } : {}),
  })
  return { service }
}

/** A wss:// socket tunnels through the proxy (CONNECT); a ws:// one (a local sandbox) goes to it as plain HTTP. */
function socketAgent(agentsFor: (url: string) => Promise<Agents | undefined>): (url: string) => Promise<Agent | undefined> {
  return async (url) => {
    const agents = await agentsFor(url)
    if (!agents) return undefined
    return (url.startsWith('wss:') ? agents.https : agents.http) as Agent | undefined
  }
}
