// The request console: a draft request per connection, the last response and the history.
import type { StateCreator } from 'zustand'
import type { ConsoleResponse, HistoryEntry } from '../../../common/contract/index'
import type { HTTP_METHODS } from '../../../common/contract/console'
import { call } from '../../ipc'
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
  loadHistory(profileId?: string): Promise<void>
  clearHistory(profileId?: string): Promise<void>
}

export const EMPTY_DRAFT: ConsoleDraft = { method: 'GET', url: '/users/me', query: [], headers: [], body: '' }

export const getEmptyConsoleState = (): ConsoleState => ({ drafts: {}, responses: {}, sending: {}, history: [] })

/** Rows the person left blank are editing scaffolding, not parameters. */
const filled = (pairs: KeyValue[]) => pairs.filter((p) => p.name.trim() !== '')

export const createConsoleSlice: StateCreator<Store, [], [], ConsoleSlice> = (set, get) => ({
  ...getEmptyConsoleState(),
  setConsoleDraft: (profileId, patch) => set((s) => ({ drafts: { ...s.drafts, [profileId]: { ...(s.drafts[profileId] ?? EMPTY_DRAFT), ...patch } } })),
  sendRequest: async (profileId) => {
    const draft = get().drafts[profileId] ?? EMPTY_DRAFT
    set((s) => ({ sending: { ...s.sending, [profileId]: true } }))
    try {
      const withBody = draft.method !== 'GET' && draft.method !== 'DELETE' && draft.body.trim() !== ''
      const response = await call('console.send', {
        profileId,
        method: draft.method,
        url: draft.url,
        query: filled(draft.query),
        headers: filled(draft.headers).map((h) => ({ name: h.name.trim(), value: h.value })),
        ...(withBody ? { body: draft.body } : {}),
      })
      set((s) => ({ responses: { ...s.responses, [profileId]: response } }))
      void get().loadHistory(profileId).catch(() => undefined)
      return response
    } finally {
      set((s) => ({ sending: { ...s.sending, [profileId]: false } }))
    }
  },
  loadHistory: async (profileId) => set({ history: await call('console.history', profileId ? { profileId } : {}) }),
  clearHistory: async (profileId) => {
    await call('console.clearHistory', profileId ? { profileId } : {})
    set({ history: [] })
  },
})
