// Live events: a connection's Zoom event subscription delivered over Zoom's WebSocket, stored
// as a dataset while it arrives, and a helper for apps that receive webhooks instead. Nothing
// here ever carries an access token or the webhook secret token: the socket URL (which holds
// the token) stays in main.
import { z } from 'zod'
import type { BridgeError } from '../errors'
import { channel, idSchema, profileRef } from './define'

/**
 * Zoom's subscription ID as the Marketplace shows it in the WebSocket endpoint URL
 * (`…/ws?subscriptionId=ZhPGtK84QbapRWXzEBW7MA`): URL-safe characters only, so it can never
 * smuggle another query parameter into the socket URL.
 */
export const subscriptionIdSchema = z
  .string()
  .trim()
  .max(128)
  .regex(/^[A-Za-z0-9_-]*$/, 'A subscription ID is letters, digits, _ and - (copy it from the WebSocket endpoint URL)')

/** Where the socket connects when the cloud's default host is not wanted (the sandbox, a proxy). */
export const eventsUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => v === '' || URL.canParse(v), 'The events URL must be an absolute URL')
  .refine((v) => {
    if (v === '' || !URL.canParse(v)) return true
    const url = new URL(v)
    if (url.username || url.password || url.search || url.hash) return false
    if (url.protocol === 'wss:') return true
    return url.protocol === 'ws:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  }, 'The events URL must use wss:// (ws:// only for 127.0.0.1, localhost or [::1]), without a user name, query or fragment')

export const EVENT_SOCKET_STATES = ['idle', 'connecting', 'open', 'reconnecting', 'taken-over', 'closed', 'error'] as const
export type EventSocketState = (typeof EVENT_SOCKET_STATES)[number]

export interface EventsConfig {
  profileId: string
  subscriptionId: string
  /** '' = derived from the connection's cloud. */
  eventsUrl: string
  /** The URL main connects to (without any query): the custom one or the cloud's. */
  effectiveEventsUrl: string
  /** Whether a webhook secret token is stored in the vault (its value never leaves main). */
  hasWebhookSecret: boolean
}

export interface EventsStatus {
  profileId: string
  state: EventSocketState
  /** Epoch ms the socket opened (state 'open'). */
  openSince?: number
  /** Epoch ms of the next attempt (state 'reconnecting'). */
  retryAt?: number
  /** Attempts since the socket was last open. */
  attempt: number
  /** Why the socket is not open, in words (never a URL). */
  reason?: string
  error?: BridgeError
  /** The dataset the events are stored in (absent before the first event). */
  datasetId?: string
  received: number
  /** Events per type since the dataset was created. */
  counts: Record<string, number>
  /** Epoch ms of Zoom's last reply to a heartbeat. */
  lastHeartbeatAt?: number
}

export interface SchemaIssue {
  /** Dotted path into the event, '' for the whole event. */
  path: string
  message: string
}

export interface EventDetail {
  event: string
  receivedAt: string
  /** The event as Zoom sent it. */
  body: unknown
  /** 'checked': validated against Zoom's schema of this event type; 'unknown-type': no schema for it; 'unavailable': no schemas loaded. */
  schema: 'checked' | 'unknown-type' | 'unavailable'
  issues: SchemaIssue[]
}

export interface WebhookCheckResult {
  /** 'missing' when no signature or timestamp was pasted. */
  signature: 'valid' | 'invalid' | 'missing'
  /** Seconds between the request's timestamp and now (Zoom suggests refusing old requests). */
  timestampAgeSeconds?: number
  event?: string
  /** For an `endpoint.url_validation` body: the JSON to answer Zoom with. */
  urlValidation?: { plainToken: string; encryptedToken: string }
}

export const eventsConfigInputSchema = z
  .object({ profileId: idSchema, subscriptionId: subscriptionIdSchema, eventsUrl: eventsUrlSchema.default('') })
  .strict()

/**
 * Zoom's plainToken is a short random URL-safe string. Restricting it to that shape keeps the
 * url_validation helper from signing arbitrary text with the secret (e.g. a forged `v0:…` message).
 */
export const plainTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, 'Not a Zoom plainToken')

export const webhookCheckInputSchema = z
  .object({
    profileId: idSchema,
    /** The raw request body, exactly as received. */
    body: z.string().max(256 * 1024),
    signature: z.string().trim().max(200).default(''),
    timestamp: z.string().trim().max(20).default(''),
  })
  .strict()

export const eventsChannels = {
  'events.config': channel<EventsConfig>()(profileRef),
  'events.saveConfig': channel<EventsConfig>()(eventsConfigInputSchema),
  'events.status': channel<EventsStatus>()(profileRef),
  'events.connect': channel<EventsStatus>()(profileRef),
  'events.disconnect': channel<EventsStatus>()(profileRef),
  /** One stored event with its check against Zoom's schema of that type. */
  'events.detail': channel<EventDetail>()(z.object({ datasetId: idSchema, index: z.number().int().min(0) }).strict()),
  /** Write-only: a string stores the webhook secret token, null removes it. */
  'events.setWebhookSecret': channel<EventsConfig>()(z.object({ profileId: idSchema, secret: z.string().trim().min(1).max(200).nullable() }).strict()),
  'events.checkWebhook': channel<WebhookCheckResult>()(webhookCheckInputSchema),
}
