// The composition of live events for main/core.ts: the events.json document, the schema source
// (a cache folder in the data directory filled from Zoom's published event files), the socket
// factory (ws), the service and its handlers.
import { join } from 'node:path'
import got from 'got'
import type { DocumentProblem } from '../store'
import { createEventsHandlers } from '../ipc/handlers/events'
import type { HandlersFor } from '../ipc/types'
import type { Logger } from '../log/logger'
import type { DatasetStore } from '../data/datasets/dataset-store'
import type { ProfileLookup } from '../profiles/profile-lookup'
import type { Clock, EventSink, Scheduler } from '../ports'
import type { SecretStore } from '../tokens/secret-store'
import type { TokenProvider } from '../tokens/token-manager'
import type { SocketFactory } from './event-socket'
import { openEventsDocument } from './events-config-document'
import { EventsService, type EventsServiceDeps } from './events-service'
import { FolderWebhookSchemas, type WebhookSchemaPort } from './schemas/webhook-schemas'
import { createWsFactory } from './ws-factory'

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
  /** Tests: a socket factory other than ws, schemas from elsewhere, socket tuning. */
  factory?: SocketFactory
  schemas?: WebhookSchemaPort
  socket?: EventsServiceDeps['socket']
  onProblem?: (problem: DocumentProblem) => void
}

export interface LiveEvents {
  service: EventsService
  handlers: HandlersFor<'events'>
}

/** Renew the socket's token a minute before the token manager would (so its renewal is due). */
const RENEW_MARGIN_MS = 60_000

export async function createLiveEvents(options: LiveEventsOptions): Promise<LiveEvents> {
  const document = await openEventsDocument(options.dataDir, options.onProblem)
  const schemas =
    options.schemas ??
    new FolderWebhookSchemas({
      dir: join(options.dataDir, EVENT_SCHEMAS_DIR),
      fetchText: (url) => got(url, { timeout: { request: 30_000 }, retry: { limit: 1 } }).text(),
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
    factory: options.factory ?? createWsFactory(),
    clock: options.clock,
    scheduler: options.scheduler,
    log: options.log,
    renewAheadMs: () => options.refreshSkewMs() + RENEW_MARGIN_MS,
    ...(options.socket ? { socket: options.socket } : {}),
  })
  return { service, handlers: createEventsHandlers(service) }
}
