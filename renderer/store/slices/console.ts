// The request console: a draft request per connection, the last response and the history.
import type { StateCreator } from 'zustand'
import type { ConsoleResponse, HistoryEntry } from '../../../common/contract/index'
import type { HTTP_METHODS } from '../../../common/contract/console'
import { expandPath, pathParamNames } from '../../../common/zoom/paths'
import { BridgeCallError, call } from '../../ipc'
import type { Store } from '../types'

export type HttpMethod = (typeof HTTP_METHODS)[number]
export interface KeyValue {
  name: string
  value: string
}
export interface ConsoleDraft {
  method: HttpMethod
  url: string
  query: KeyValue[]
  headers: KeyValue[]
  body: string
  /** Values of the path's `{name}` placeholders (`{userId}` → `me`), filled in before sending. */
  pathParams: Record<string, string>
}

export interface ConsoleState {
  drafts: Record<string, ConsoleDraft | undefined>
  responses: Record<string, ConsoleResponse | undefined>
  sending: Record<string, boolean | undefined>
  history: HistoryEntry[]
}

export interface ConsoleSlice extends ConsoleState {
  setConsoleDraft(profileId: string, patch: Partial<ConsoleDraft>): void
  sendRequest(profileId: string): Promise<ConsoleResponse>
  /** Stops the connection's request in flight: main tears it down and the response shows CANCELLED. */
  cancelRequest(profileId: string): void
  loadHistory(profileId?: string): Promise<void>
  clearHistory(profileId?: string): Promise<void>
}

export const EMPTY_DRAFT: ConsoleDraft = { method: 'GET', url: '/users/me', query: [], headers: [], body: '', pathParams: {} }

/**
 * The draft's path with its `{name}` placeholders filled in (each value encoded as Zoom asks), or
 * the names still missing a value. A path without placeholders is returned as it is.
 */
export function expandDraftPath(draft: Pick<ConsoleDraft, 'url' | 'pathParams'>): { ok: true; url: string } | { ok: false; missing: string[] } {
  const names = pathParamNames(draft.url)
  const missing = names.filter((n) => !(draft.pathParams[n] ?? '').trim())
  if (missing.length > 0) return { ok: false, missing }
  return { ok: true, url: names.length === 0 ? draft.url : expandPath(draft.url, Object.fromEntries(names.map((n) => [n, (draft.pathParams[n] ?? '').trim()]))) }
}

export const getEmptyConsoleState = (): ConsoleState => ({ drafts: {}, responses: {}, sending: {}, history: [] })

/** Rows the person left blank are editing scaffolding, not parameters. */
const filled = (pairs: KeyValue[]) => pairs.filter((p) => p.name.trim() !== '')

/** The request in flight per connection, to cancel it; not state (nothing renders it). */
const inFlight = new Map<string, AbortController>()

export const createConsoleSlice: StateCreator<Store, [], [], ConsoleSlice> = (set, get) => ({
  ...getEmptyConsoleState(),
  setConsoleDraft: (profileId, patch) => set((s) => ({ drafts: { ...s.drafts, [profileId]: { ...(s.drafts[profileId] ?? EMPTY_DRAFT), ...patch } } })),
  sendRequest: async (profileId) => {
    const draft = get().drafts[profileId] ?? EMPTY_DRAFT
    const path = expandDraftPath(draft)
    // Never sent with a literal `{userId}`: the form asks for every placeholder first.
    if (!path.ok) throw new BridgeCallError('VALIDATION', `Fill in the path parameter${path.missing.length === 1 ? '' : 's'} ${path.missing.join(', ')}.`)
    set((s) => ({ sending: { ...s.sending, [profileId]: true } }))
    const controller = new AbortController()
    inFlight.set(profileId, controller)
    try {
      const withBody = draft.method !== 'GET' && draft.method !== 'DELETE' && draft.body.trim() !== ''
      const response = await call('console.send', {
        profileId,
        method: draft.method,
        url: path.url,
        query: filled(draft.query),
        headers: filled(draft.headers).map((h) => ({ name: h.name.trim(), value: h.value })),
        ...(withBody ? { body: draft.body } : {}),
      }, { signal: controller.signal })
      set((s) => ({ responses: { ...s.responses, [profileId]: response } }))
      void get().loadHistory(profileId).catch(() => undefined)
      return response
    } finally {
      if (inFlight.get(profileId) === controller) inFlight.delete(profileId)
      set((s) => ({ sending: { ...s.sending, [profileId]: false } }))
    }
  },
  cancelRequest: (profileId) => inFlight.get(profileId)?.abort(),
  loadHistory: async (profileId) => set({ history: await call('console.history', profileId ? { profileId } : {}) }),
  clearHistory: async (profileId) => {
    await call('console.clearHistory', profileId ? { profileId } : {})
    set({ history: [] })
  },
})
