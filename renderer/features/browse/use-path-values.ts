// A path-value field's view of its parent rows (kept in the store's path-values slice): the rows
// loaded so far, those matching what is typed, and the loads — the first page when asked (the
// field opens), the next when the person scrolls or types something the loaded rows do not match,
// until the list ends. A page on its way is cancelled when the field's list, connection or outer
// value changes, or the field goes away.
import { useEffect, useMemo } from 'react'
import type { NamedItem } from '../../../common/contract/index'
import { itemMatches } from '../../../common/zoom/browse/item-naming'
import { useStore } from '../../store/index'
import { pathValuesKey, type PathValuesSource } from '../../store/slices/path-values'

export type { PathValuesSource }

/** Suggestions under which typing asks for the next page, so a name on a later page is found. */
const ENOUGH_MATCHES = 8

const NO_ROWS: NamedItem[] = []

export interface PathValuesState {
  items: NamedItem[]
  /** The loaded rows whose name, e-mail or value contains the query. */
  matches: NamedItem[]
  /** The first page has arrived. */
  loaded: boolean
  loading: boolean
  error?: string
  /** More pages wait. */
  more: boolean
  total?: number
  /** Loads the first page, or the next one; nothing while a page is on its way, after an error, or at the end. */
  loadMore(): void
  /** After an error: the page that failed, again. */
  retry(): void
}

/**
 * The parent rows of `source`; `query` narrows them to `matches`, and while the field is `open`
 * a query the loaded rows answer poorly loads the next page.
 */
export function usePathValues(source: PathValuesSource, query: string, open: boolean): PathValuesState {
  const key = pathValuesKey(source)
  const rows = useStore((s) => s.pathValueRows[key])
  const load = useStore((s) => s.loadPathValues)
  const cancel = useStore((s) => s.cancelPathValues)
  // The source as of this render, rebuilt from its key so effects and callbacks depend on the key alone.
  const current = useMemo(() => {
    const [profileId, resource, param, pathValues] = JSON.parse(key) as [string, string, string, Record<string, string>]
    return { profileId, resource, param, pathValues }
  }, [key])
  useEffect(() => () => cancel(current), [current, cancel])

  const items = rows?.items ?? NO_ROWS
  const matches = useMemo(() => items.filter((item) => itemMatches(item, query)), [items, query])
  const loaded = rows !== undefined && (rows.done || rows.items.length > 0 || rows.cursor !== undefined)
  const loading = rows?.task?.running === true
  const error = rows?.task?.running === false ? rows.task.error : undefined
  const more = rows?.done !== true
  const wantMore = open && loaded && more && !loading && error === undefined && query.trim() !== '' && matches.length < ENOUGH_MATCHES
  useEffect(() => {
    if (wantMore) void load(current)
  }, [wantMore, current, load, items.length])

  return {
    items,
    matches,
    loaded,
    loading,
    ...(error !== undefined ? { error } : {}),
    more,
    ...(rows?.total !== undefined ? { total: rows.total } : {}),
    loadMore: () => void load(current),
    retry: () => void load(current, true),
  }
}
