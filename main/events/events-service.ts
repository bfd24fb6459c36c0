// The Events tab's main side: per connection, the event subscription settings, the socket, the
// dataset the events go into as they arrive (sortable, filterable and exportable like a crawl),
// each event checked against Zoom's schema of its type, and the webhook helper.
import { AppError } from '../../common/errors'
import type { ColumnSpec } from '../../common/zoom/catalog-types'
import {
  plainTokenSchema,
  type EventDetail,
  type EventsConfig,
  type EventsStatus,
  type WebhookCheckResult,
} from '../../common/contract/events-subscription'
import type { DatasetStore } from '../data/datasets/dataset-store'
import type { Dataset, DatasetResource } from '../data/datasets/dataset'
import { throttle, type Throttled } from '../data/throttle'
import type { Logger } from '../log/logger'
import { redactJsonFields } from '../log/redact-json'
import type { ProfileLookup } from '../profiles/profile-lookup'
import type { Clock, EventSink, Scheduler } from '../ports'
import type { DocumentFile } from '../store'
import type { SecretStore } from '../tokens/secret-store'
import type { TokenProvider } from '../net/token-port'
import { EventSocket, type SocketFactory } from './event-socket'
import type { EventsDocument } from './events-config-document'
import { checkEvent, type WebhookSchemaPort } from './schemas/webhook-schemas'
import { assertSocketAllowed, eventsBaseUrl } from './socket-url'
import { summarizeEvent } from './summary'
import { urlValidationResponse, verifyWebhookSignature } from './webhook-signature'

/** Field names that hold a credential in Zoom's event payloads (download_token, password, …). */
const isEventCredentialName = (name: string) => /token|secret|password|passcode|signature|credential/i.test(name)
/** Zoom's event payloads are a few levels deep; anything far deeper is not walked. */
const MAX_EVENT_DEPTH = 32

export const EVENTS_RESOURCE_ID = 'events'

const EVENT_COLUMNS: readonly ColumnSpec[] = [
  { path: 'received_at', label: 'Received' },
  { path: 'event', label: 'Event' },
  { path: 'summary', label: 'Summary' },
  { path: 'schema_check', label: 'Schema' },
]

/** The live events of a connection, as a dataset: every row kept (no id key), newest last. */
export const EVENTS_RESOURCE: DatasetResource = { id: EVENTS_RESOURCE_ID, idKeys: [], defaultColumns: EVENT_COLUMNS }

export interface EventRow {
  received_at: string
  event: string
  event_ts?: number
  account_id?: string
  summary: string
  /** 'ok', 'N differences', 'unknown type' or 'no schemas'. */
  schema_check: string
  /** The event exactly as Zoom sent it. */
  body: unknown
}

export interface EventsServiceDeps {
  profiles: ProfileLookup
  tokens: TokenProvider
  vault: Pick<SecretStore, 'getSecret' | 'setSecret' | 'deleteSecret' | 'hasSecret'>
  document: DocumentFile<EventsDocument>
  datasets: DatasetStore
  schemas: WebhookSchemaPort
  events: EventSink
  factory: SocketFactory
  clock: Clock
  scheduler: Scheduler
  log: Logger
  /** How long before expiry the socket's token is renewed (the token manager's skew plus a margin). */
  renewAheadMs: () => number
  /** At most one status push per this many ms while events stream in (default 250). */
  statusThrottleMs?: number
  /** Socket tuning, for tests. */
  socket?: { heartbeatIntervalMs?: number; backoff?: { baseDelayMs?: number; maxDelayMs?: number }; random?: () => number }
}

interface Subscription {
  socket?: EventSocket
  datasetId?: string
  received: number
  counts: Record<string, number>
  /** Events are checked and stored one after another, in arrival order. */
  queue: Promise<void>
  /** Status pushes while events stream in: at most one per throttle interval, the last always sent. */
  pushes: Throttled
}

export class EventsService {
  private readonly subscriptions = new Map<string, Subscription>()

  constructor(private readonly deps: EventsServiceDeps) {}

  config(profileId: string): EventsConfig {
    const profile = this.deps.profiles.get(profileId)
    const entry = this.deps.document.read().profiles[profileId] ?? { subscriptionId: '', eventsUrl: '' }
    return {
      profileId,
      subscriptionId: entry.subscriptionId,
      eventsUrl: entry.eventsUrl,
      effectiveEventsUrl: eventsBaseUrl(profile, entry.eventsUrl),
      hasWebhookSecret: this.deps.vault.hasSecret(profileId, 'webhookSecret'),
    }
  }

  async saveConfig(profileId: string, subscriptionId: string, eventsUrl: string): Promise<EventsConfig> {
    const profile = this.deps.profiles.get(profileId)
    // An events URL outside the allowlist would carry the token elsewhere: refuse it when saved.
    assertSocketAllowed(eventsBaseUrl(profile, eventsUrl), profile)
    await this.deps.document.update((doc) => ({ ...doc, profiles: { ...doc.profiles, [profileId]: { subscriptionId, eventsUrl } } }))
    return this.config(profileId)
  }

  status(profileId: string): EventsStatus {
    this.deps.profiles.get(profileId)
    const sub = this.subscriptions.get(profileId)
    const socket = sub?.socket?.status() ?? { state: 'idle' as const, attempt: 0 }
    const datasetId = sub?.datasetId !== undefined && this.deps.datasets.has(sub.datasetId) ? sub.datasetId : undefined
    return { profileId, ...socket, ...(datasetId ? { datasetId } : {}), received: datasetId ? (sub?.received ?? 0) : 0, counts: datasetId ? { ...(sub?.counts ?? {}) } : {} }
  }

  connect(profileId: string): EventsStatus {
    const profile = this.deps.profiles.get(profileId)
    const { subscriptionId, eventsUrl } = this.config(profileId)
    if (subscriptionId === '') throw new AppError('VALIDATION', 'Enter the subscription ID of the event subscription first.', { issues: [{ path: 'subscriptionId', message: 'Required' }] })
    assertSocketAllowed(eventsBaseUrl(profile, eventsUrl), profile)
    const sub = this.subscription(profileId)
    sub.socket?.stop('Reconnecting with new settings')
    const tuning = this.deps.socket ?? {}
    sub.socket = new EventSocket({
      profileId,
      subscriptionId,
      baseUrl: () => {
        const current = this.deps.profiles.get(profileId)
        const url = eventsBaseUrl(current, this.config(profileId).eventsUrl)
        assertSocketAllowed(url, current)
        return url
      },
      tokens: this.deps.tokens,
      factory: this.deps.factory,
      clock: this.deps.clock,
      scheduler: this.deps.scheduler,
      log: this.deps.log,
      renewAheadMs: this.deps.renewAheadMs,
      onEvent: (body, receivedAt) => this.enqueue(profileId, body, receivedAt),
      onState: () => this.push(profileId, true),
      ...(tuning.heartbeatIntervalMs !== undefined ? { heartbeatIntervalMs: tuning.heartbeatIntervalMs } : {}),
      ...(tuning.backoff ? { backoff: tuning.backoff } : {}),
      ...(tuning.random ? { random: tuning.random } : {}),
    })
    sub.socket.start()
    return this.status(profileId)
  }

  disconnect(profileId: string): EventsStatus {
    this.subscriptions.get(profileId)?.socket?.stop()
    return this.status(profileId)
  }

  /** Resolves when every event received so far is stored (tests, shutdown). */
  async settled(profileId: string): Promise<void> {
    await this.subscriptions.get(profileId)?.queue
  }

  async detail(datasetId: string, index: number): Promise<EventDetail> {
    const dataset = this.deps.datasets.get(datasetId)
    if (dataset.resource.id !== EVENTS_RESOURCE_ID) throw new AppError('VALIDATION', 'This dataset does not hold events.')
    const row = (await dataset.row(index)) as EventRow
    const checked = await checkEvent(this.deps.schemas, row.event, row.body)
    return { event: row.event, receivedAt: row.received_at, body: row.body, ...checked }
  }

  async setWebhookSecret(profileId: string, secret: string | null): Promise<EventsConfig> {
    this.deps.profiles.get(profileId)
    if (secret === null) await this.deps.vault.deleteSecret(profileId, 'webhookSecret')
    else await this.deps.vault.setSecret(profileId, 'webhookSecret', secret)
    return this.config(profileId)
  }

  async checkWebhook(input: { profileId: string; body: string; signature: string; timestamp: string }): Promise<WebhookCheckResult> {
    this.deps.profiles.get(input.profileId)
    const secret = await this.deps.vault.getSecret(input.profileId, 'webhookSecret')
    if (secret === undefined) throw new AppError('AUTH_SECRET_MISSING', 'Store the app’s webhook secret token first (Marketplace → your app → Features → Secret Token).')
    const result: WebhookCheckResult = { signature: 'missing' }
    if (input.signature !== '' && input.timestamp !== '') {
      result.signature = verifyWebhookSignature(secret, input.timestamp, input.body, input.signature) ? 'valid' : 'invalid'
    }
    if (/^\d{1,16}$/.test(input.timestamp)) {
      // Zoom's x-zm-request-timestamp is in seconds; accept milliseconds too.
      const raw = Number(input.timestamp)
      const seconds = raw > 1e11 ? raw / 1000 : raw
      result.timestampAgeSeconds = Math.round(this.deps.clock.now() / 1000 - seconds)
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(input.body)
    } catch {
      return result
    }
    const event = (parsed as { event?: unknown } | null)?.event
    if (typeof event === 'string') result.event = event.slice(0, 200)
    if (event === 'endpoint.url_validation') {
      const plain = plainTokenSchema.safeParse((parsed as { payload?: { plainToken?: unknown } }).payload?.plainToken)
      if (!plain.success) throw new AppError('VALIDATION', 'The url_validation body has no valid payload.plainToken.')
      // Zoom signs its url_validation request like any other, and an endpoint answers only what
      // Zoom signed (Zoom's webhook sample and its SDK check the signature first): an answer to an
      // unsigned challenge would vouch for whoever sent it.
      if (result.signature === 'valid') result.urlValidation = urlValidationResponse(secret, plain.data)
    }
    return result
  }

  /**
   * The connection is being deleted: its socket closes (an event arriving later would be written to
   * a new dataset of a connection that no longer exists, and its status pushed for a profile that
   * is gone), the events already received are stored so that the deletion of its datasets takes
   * them, and events.json forgets its subscription.
   */
  async forget(profileId: string): Promise<void> {
    const sub = this.subscriptions.get(profileId)
    if (sub) {
      sub.socket?.stop('The connection was deleted')
      await sub.queue
      sub.pushes.dispose()
      this.subscriptions.delete(profileId)
    }
    if (!Object.hasOwn(this.deps.document.read().profiles, profileId)) return
    await this.deps.document.update((doc) => ({ ...doc, profiles: Object.fromEntries(Object.entries(doc.profiles).filter(([id]) => id !== profileId)) }))
  }

  /** Stops every socket (the app quits, or the vault was locked: no token may be used). */
  stopAll(reason = 'Disconnected'): void {
    for (const sub of this.subscriptions.values()) {
      sub.socket?.stop(reason)
      sub.pushes.dispose()
    }
  }

  private subscription(profileId: string): Subscription {
    let sub = this.subscriptions.get(profileId)
    if (!sub) {
      sub = { received: 0, counts: {}, queue: Promise.resolve(), pushes: throttle(() => this.deps.events.emit('events.status', this.status(profileId)), this.deps.statusThrottleMs ?? 250, this.deps.clock, this.deps.scheduler) }
      this.subscriptions.set(profileId, sub)
    }
    return sub
  }

  private enqueue(profileId: string, body: unknown, receivedAt: number): void {
    const sub = this.subscription(profileId)
    sub.queue = sub.queue.then(() => this.store(profileId, sub, body, receivedAt)).catch(() => {
      this.deps.log.warn('an event could not be stored', { profileId })
    })
  }

  private async store(profileId: string, sub: Subscription, received: unknown, receivedAt: number): Promise<void> {
    // Some events carry credentials (recording.completed's download_token can fetch the files):
    // they are redacted before the event is stored, so no view, detail, copy or export has them.
    const body = redactJsonFields(received, isEventCredentialName, MAX_EVENT_DEPTH).value
    const record = body as { event?: unknown; event_ts?: unknown; payload?: { account_id?: unknown } }
    const event = typeof record.event === 'string' ? record.event.slice(0, 200) : '(no event name)'
    const checked = await checkEvent(this.deps.schemas, event, body)
    const row: EventRow = {
      received_at: new Date(receivedAt).toISOString(),
      event,
      ...(typeof record.event_ts === 'number' ? { event_ts: record.event_ts } : {}),
      ...(typeof record.payload?.account_id === 'string' ? { account_id: record.payload.account_id } : {}),
      summary: summarizeEvent(body),
      schema_check: checked.schema === 'checked' ? (checked.issues.length === 0 ? 'ok' : `${checked.issues.length} difference${checked.issues.length === 1 ? '' : 's'}`) : checked.schema === 'unknown-type' ? 'unknown type' : 'no schemas',
      body,
    }
    await this.datasetFor(profileId, sub).add([row])
    sub.received++
    sub.counts[event] = (sub.counts[event] ?? 0) + 1
    this.push(profileId, false)
  }

  /** The connection's events dataset; a new one when the person closed the previous one. */
  private datasetFor(profileId: string, sub: Subscription): Dataset<DatasetResource> {
    if (sub.datasetId !== undefined && this.deps.datasets.has(sub.datasetId)) return this.deps.datasets.get(sub.datasetId)
    const dataset = this.deps.datasets.create(profileId, EVENTS_RESOURCE, this.deps.clock.now())
    sub.datasetId = dataset.id
    sub.received = 0
    sub.counts = {}
    return dataset
  }

  /** State changes are pushed at once; event counts at most every statusThrottleMs. */
  private push(profileId: string, now: boolean): void {
    const { pushes } = this.subscription(profileId)
    if (now) pushes.flush()
    else pushes.request()
  }
}
