// events.json: each connection's event subscription settings (subscription ID and an optional
// explicit socket URL). No secret lives here: the webhook secret token is in the vault.
import { z } from 'zod'
import { eventsUrlSchema, subscriptionIdSchema } from '../../common/contract/events-subscription'
import { openDocument, type DocumentFile, type DocumentProblem } from '../store'

export const EVENTS_FILE = 'events.json'

const entrySchema = z.object({ subscriptionId: subscriptionIdSchema.default(''), eventsUrl: eventsUrlSchema.default('') }).strict()
export type EventsEntry = z.infer<typeof entrySchema>

export const eventsDocumentSchema = z.object({ profiles: z.record(z.string().max(64), entrySchema) }).strict()
export type EventsDocument = z.infer<typeof eventsDocumentSchema>

export function openEventsDocument(dir: string, onProblem?: (problem: DocumentProblem) => void): Promise<DocumentFile<EventsDocument>> {
  return openDocument({ dir, name: EVENTS_FILE, schema: eventsDocumentSchema, defaults: () => ({ profiles: {} }), version: 1, ...(onProblem ? { onProblem } : {}) })
}
