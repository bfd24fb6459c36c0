// The console's request history: the last 200 requests (all profiles together), newest first,
// in history.json through the store (atomic, schema-checked, moved aside if unusable). Entries
// are sanitised before they get here (sanitize.ts): no credential is ever stored.
import { z } from 'zod'
import { historyRequestSchema, type HistoryEntry } from '../../common/contract/console'
import { openDocument, setAsideCopies, type DocumentFile, type DocumentProblem, type SetAsideCopies } from '../store'

export const HISTORY_FILE = 'history.json'
export const HISTORY_LIMIT = 200

/** What the console needs from a history store; tests use memoryConsoleHistory(). */
export interface ConsoleHistory {
  /** Newest first; only the profile's entries when `profileId` is given. */
  list(profileId?: string): StoredHistoryEntry[]
  add(entry: StoredHistoryEntry): Promise<void>
  /** Removes the profile's entries, or all. */
  clear(profileId?: string): Promise<void>
}

const historyEntrySchema = z
  .object({
    id: z.string().min(1).max(64),
    at: z.number(),
    request: historyRequestSchema,
    status: z.number().int().optional(),
    durationMs: z.number().optional(),
    error: z.string().max(2000).optional(),
  })
  .strict()

/** An entry as stored: the request after parsing (query and headers always present). */
export type StoredHistoryEntry = z.infer<typeof historyEntrySchema>

const historyDocumentSchema = z.object({ entries: z.array(historyEntrySchema).max(HISTORY_LIMIT) }).strict()
type HistoryDocument = z.infer<typeof historyDocumentSchema>

function keep(entries: StoredHistoryEntry[], entry: StoredHistoryEntry): StoredHistoryEntry[] {
  return [entry, ...entries].slice(0, HISTORY_LIMIT)
}

const matches = (profileId: string | undefined) => (e: HistoryEntry) => profileId === undefined || e.request.profileId === profileId

function fromDocument(doc: DocumentFile<HistoryDocument>, copies: SetAsideCopies): ConsoleHistory {
  return {
    list: (profileId) => doc.read().entries.filter(matches(profileId)),
    async add(entry) {
      await doc.update((d) => ({ entries: keep(d.entries, entry) }))
    },
    async clear(profileId) {
      await doc.update((d) => ({ entries: profileId === undefined ? [] : d.entries.filter((e) => e.request.profileId !== profileId) }))
      // The last good copy held the cleared requests too.
      await doc.refreshBackup()
      // A damaged history moved aside (or the bytes before a migration) holds these requests too,
      // and cannot be split by connection: clearing any connection's history removes those copies.
      await copies.removeAll()
    },
  }
}

export async function openConsoleHistory(dir: string, onProblem?: (problem: DocumentProblem) => void): Promise<ConsoleHistory> {
  const doc = await openDocument({
    dir,
    name: HISTORY_FILE,
    schema: historyDocumentSchema,
    defaults: () => ({ entries: [] }),
    version: 1,
    ...(onProblem ? { onProblem } : {}),
  })
  return fromDocument(doc, setAsideCopies(dir, [HISTORY_FILE]))
}

export function memoryConsoleHistory(): ConsoleHistory {
  let entries: StoredHistoryEntry[] = []
  return {
    list: (profileId) => entries.filter(matches(profileId)),
    async add(entry) {
      entries = keep(entries, entry)
    },
    async clear(profileId) {
      entries = profileId === undefined ? [] : entries.filter((e) => !matches(profileId)(e))
    },
  }
}
