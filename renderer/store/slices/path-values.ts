// The rows of path parameters' parent lists loaded so far for the path-value fields (call queues
// for `{callQueueId}`, the account's users for a per-user list's One user), a page at a time from
// main, with the load's running and failed state. Keyed by connection, list, parameter and outer
// values, so rows of one list are never offered for another.
import type { StateCreator } from 'zustand'
import type { NamedItem } from '../../../common/contract/index'
import { BridgeCallError, call, errorMessage } from '../../ipc'
import type { Task } from '../task'
import type { Store } from '../types'

/** Where a path-value field's rows come from. */
export interface PathValuesSource {
  profileId: string
  resource: string
  param: string
  /** Values of the other path parameters, for a parent listed per outer value. */
  pathValues: Readonly<Record<string, string>>
}

export interface PathValueRows {
  items: NamedItem[]
  /** Asks main for the next page; absent before the first and after the last. */
  cursor?: string
  /** The last page has arrived. */
  done: boolean
  total?: number
  /** A page on its way, or why the last one failed (until Retry). */
  task?: Task<'load'>
}

export interface PathValuesState {
  pathValueRows: Record<string, PathValueRows | undefined>
}

export interface PathValuesSlice extends PathValuesState {
  /**
   * The next page of `source` (the first when none was loaded); nothing while one is on its way,
   * at the end, or after a failure unless `retry`. A failure is kept in the rows' `task`.
   */
  loadPathValues(source: PathValuesSource, retry?: boolean): Promise<void>
  /** Cancels the page on its way (a field that closes, or whose list or outer value changed). */
  cancelPathValues(source: PathValuesSource): void
}

export const pathValuesKey = (source: PathValuesSource) => JSON.stringify([source.profileId, source.resource, source.param, source.pathValues])

export const getEmptyPathValuesState = (): PathValuesState => ({ pathValueRows: {} })

/** Pages on their way, by key: cancelling aborts the call in main too. */
const inFlight = new Map<string, AbortController>()

export const createPathValuesSlice: StateCreator<Store, [], [], PathValuesSlice> = (set, get) => {
  const update = (key: string, change: (rows: PathValueRows) => PathValueRows) =>
    set((s) => ({ pathValueRows: { ...s.pathValueRows, [key]: change(s.pathValueRows[key] ?? { items: [], done: false }) } }))
  return {
    ...getEmptyPathValuesState(),
    loadPathValues: async (source, retry = false) => {
      const key = pathValuesKey(source)
      const rows = get().pathValueRows[key] ?? { items: [], done: false }
      if (rows.done || rows.task?.running || (rows.task && !retry)) return
      const controller = new AbortController()
      inFlight.set(key, controller)
      update(key, (now) => ({ ...now, task: { action: 'load', running: true } }))
      const { profileId, resource, param, pathValues } = source
      try {
        const page = await call('data.pathValues', { profileId, resource, param, ...(Object.keys(pathValues).length > 0 ? { pathValues: { ...pathValues } } : {}), ...(rows.cursor ? { cursor: rows.cursor } : {}) }, { signal: controller.signal })
        update(key, (now) => {
          const known = new Set(now.items.map((item) => item.value))
          const total = page.total ?? now.total
          return { items: [...now.items, ...page.items.filter((item) => !known.has(item.value))], ...(page.cursor ? { cursor: page.cursor } : {}), done: page.cursor === undefined, ...(total !== undefined ? { total } : {}) }
        })
      } catch (error) {
        // A cancelled page is asked again when the field next wants it.
        update(key, ({ task: _task, ...now }) => (error instanceof BridgeCallError && error.code === 'CANCELLED' ? now : { ...now, task: { action: 'load', running: false, error: errorMessage(error) } }))
      } finally {
        if (inFlight.get(key) === controller) inFlight.delete(key)
      }
    },
    cancelPathValues: (source) => inFlight.get(pathValuesKey(source))?.abort(),
  }
}
