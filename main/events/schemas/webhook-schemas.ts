// Zoom's event schemas, one per event type, from the event files Zoom publishes on its API hub
// (`https://developers.zoom.us/api-hub/<domain>/events/webhooks.json`, OpenAPI 3.1 `webhooks`).
// Main keeps them in a cache folder of its data directory and reads them from there; an empty
// cache is filled from Zoom's URLs once, on first use. Tests point the folder at the copies in
// ../shared/zoom-openapi/webhooks and give no fetcher. The files are never part of the app.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { SchemaIssue } from '../../../common/contract/events-subscription'
import { isAppError } from '../../../common/errors'
import type { Logger } from '../../log/logger'
import { PUBLIC_DOCUMENT_MAX_BYTES } from '../../net/public-text'
import { ensureDirectory, writeFileAtomic } from '../../store/atomic-file'
import { readTextWithin } from '../../store/read-capped'
import { checkAgainstSchema } from './check-schema'

/** The API hub domains that publish an event file (Zoom's API hub, March 2026). */
export const WEBHOOK_DOMAINS = [
  'accounts', 'users', 'meetings', 'phone', 'rooms', 'team-chat', 'whiteboard', 'chatbot', 'contact-center', 'events', 'iq',
  'number-management', 'qss', 'marketplace', 'calendar', 'mail', 'scheduler', 'tasks', 'cobrowse-sdk', 'commerce', 'healthcare',
  'quality-management', 'video-management', 'video-sdk',
] as const

export const webhookFileUrl = (domain: string) => `https://developers.zoom.us/api-hub/${domain}/events/webhooks.json`

/** Downloads one published file as text (got in production); throws on failure. */
export type FetchText = (url: string) => Promise<string>

export interface WebhookSchemaPort {
  /** The schema of an event type and the document it lives in (for $ref), or undefined. */
  lookup(eventType: string): Promise<{ schema: unknown; root: unknown } | undefined | 'unavailable'>
}

export interface FolderSchemaOptions {
  dir: string
  /** Fills an empty folder from Zoom's URLs; absent = read what is there. */
  fetchText?: FetchText
  log: Logger
}

export class FolderWebhookSchemas implements WebhookSchemaPort {
  private loading: Promise<Map<string, { schema: unknown; root: unknown }>> | undefined

  constructor(private readonly options: FolderSchemaOptions) {}

  async lookup(eventType: string): Promise<{ schema: unknown; root: unknown } | undefined | 'unavailable'> {
    const all = await this.load()
    if (all.size === 0) return 'unavailable'
    return all.get(eventType)
  }

  /** How many event types are known (0 when none could be loaded). */
  async count(): Promise<number> {
    return (await this.load()).size
  }

  private load(): Promise<Map<string, { schema: unknown; root: unknown }>> {
    this.loading ??= this.read().catch((error: unknown) => {
      this.options.log.warn('event schemas could not be loaded', { code: (error as NodeJS.ErrnoException).code ?? 'ERROR' })
      this.loading = undefined
      return new Map()
    })
    return this.loading
  }

  private async read(): Promise<Map<string, { schema: unknown; root: unknown }>> {
    let names = await jsonFiles(this.options.dir)
    if (names.length === 0 && this.options.fetchText) {
      await this.fill(this.options.fetchText)
      names = await jsonFiles(this.options.dir)
    }
    const out = new Map<string, { schema: unknown; root: unknown }>()
    for (const name of names) {
      let root: unknown
      try {
        // No larger than a download of it could have been: a file planted there is not read whole.
        root = JSON.parse(await readTextWithin(join(this.options.dir, name), PUBLIC_DOCUMENT_MAX_BYTES))
      } catch (error) {
        this.options.log.warn(isAppError(error) ? 'an event schema file is too large and was skipped' : 'an event schema file is not JSON and was skipped', { file: name })
        continue
      }
      for (const [eventType, schema] of eventSchemas(root)) out.set(eventType, { schema, root })
    }
    return out
  }

  private async fill(fetchText: FetchText): Promise<void> {
    await ensureDirectory(this.options.dir)
    for (const domain of WEBHOOK_DOMAINS) {
      try {
        const text = await fetchText(webhookFileUrl(domain))
        if (eventSchemas(JSON.parse(text)).length === 0) continue
        const target = join(this.options.dir, `${domain}.json`)
        await writeFileAtomic(target, text)
      } catch {
        this.options.log.warn('an event schema file could not be downloaded', { domain })
      }
    }
  }
}

/** [event type, payload schema] for every event of an OpenAPI 3.1 event file. */
export function eventSchemas(root: unknown): [string, unknown][] {
  const webhooks = (root as { webhooks?: unknown } | null)?.webhooks
  if (webhooks === null || typeof webhooks !== 'object') return []
  const out: [string, unknown][] = []
  for (const [name, item] of Object.entries(webhooks as Record<string, unknown>)) {
    const schema = (item as { post?: { requestBody?: { content?: Record<string, { schema?: unknown }> } } } | null)?.post?.requestBody?.content?.['application/json']?.schema
    if (schema !== undefined) out.push([name, schema])
  }
  return out
}

async function jsonFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.json')).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

/** Checks one event body against its type's schema. */
export async function checkEvent(schemas: WebhookSchemaPort, eventType: string, body: unknown): Promise<{ schema: 'checked' | 'unknown-type' | 'unavailable'; issues: SchemaIssue[] }> {
  const found = await schemas.lookup(eventType)
  if (found === 'unavailable') return { schema: 'unavailable', issues: [] }
  if (found === undefined) return { schema: 'unknown-type', issues: [] }
  return { schema: 'checked', issues: checkAgainstSchema(body, found.schema, found.root) }
}
