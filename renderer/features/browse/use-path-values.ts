// The rows of a path parameter's parent list, loaded from main a page at a time: the first page
// when asked (the picker opens), the next when the person scrolls or types something the loaded
// rows do not match, until the list ends. Pages are kept while the picker lives, so typing only
// filters what is loaded; what the rows of another list, connection or outer value are is
// never mixed in (a change of those starts over).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { NamedItem } from '../../../common/contract/index'
import { itemMatches } from '../../../common/zoom/browse/item-naming'
import { errorMessage } from '../../ipc'
import { useStore } from '../../store/index'

export interface PathValuesSource {
  profileId: string
  resource: string
  param: string
  /** Values of the other path parameters, for a parent listed per outer value. */
  pathValues: Readonly<Record<string, string>>
}

/** Suggestions under which typing asks for the next page, so a name on a later page is found. */
const ENOUGH_MATCHES = 8

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

interface Loaded {
  key: string
  items: NamedItem[]
  cursor?: string
  done: boolean
  total?: number
}

/**
 * The parent rows of `source`; `query` narrows them to `matches`, and while the picker is `open`
 * a query the loaded rows answer poorly loads the next page.
 */
export function usePathValues(source: PathValuesSource, query: string, open: boolean): PathValuesState {
  const fetchPage = useStore((s) => s.pathValues)
  const key = JSON.stringify([source.profileId, source.resource, source.param, source.pathValues])
  const [loaded, setLoaded] = useState<Loaded>({ key, items: [], done: false })
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string>()
  const current = loaded.key === key ? loaded : { key, items: [], done: false }
  const inFlight = useRef<string>(undefined)
  const sourceRef = useRef(source)
  sourceRef.current = source

  /** Cancels the page on its way, in main too (its request to Zoom is aborted). */
  const pending = useRef<AbortController>(undefined)

  // Another list, connection or outer value: what was loaded is not its rows, nor the page on its way.
  useEffect(() => {
    setError(undefined)
    setLoading(false)
    inFlight.current = undefined
    return () => pending.current?.abort()
  }, [key])

  const load = useCallback(
    (state: Loaded, force: boolean) => {
      if (state.done || inFlight.current === state.key || (error !== undefined && !force)) return
      const { profileId, resource, param, pathValues } = sourceRef.current
      inFlight.current = state.key
      setLoading(true)
      setError(undefined)
      const hasValues = Object.keys(pathValues).length > 0
      const controller = new AbortController()
      pending.current = controller
      fetchPage({ profileId, resource, param, ...(hasValues ? { pathValues: { ...pathValues } } : {}), ...(state.cursor ? { cursor: state.cursor } : {}) }, controller.signal).then(
        (page) => {
          if (inFlight.current !== state.key) return
          inFlight.current = undefined
          setLoading(false)
          setLoaded((now) => {
            const base = now.key === state.key ? now : state
            const known = new Set(base.items.map((item) => item.value))
            const total = page.total ?? base.total
            return { key: state.key, items: [...base.items, ...page.items.filter((item) => !known.has(item.value))], ...(page.cursor ? { cursor: page.cursor } : {}), done: page.cursor === undefined, ...(total !== undefined ? { total } : {}) }
          })
        },
        (e: unknown) => {
          if (inFlight.current !== state.key) return
          inFlight.current = undefined
          setLoading(false)
          setError(errorMessage(e))
        },
      )
    },
    [fetchPage, error],
  )

  const matches = useMemo(() => current.items.filter((item) => itemMatches(item, query)), [current.items, query])
  const loadedFirst = current.done || current.items.length > 0 || current.cursor !== undefined
  const wantMore = open && loadedFirst && !current.done && !loading && error === undefined && query.trim() !== '' && matches.length < ENOUGH_MATCHES
  useEffect(() => {
    if (wantMore) load(current, false)
  }, [wantMore, current, load])

  return {
    items: current.items,
    matches,
    loaded: loadedFirst,
    loading,
    ...(error !== undefined ? { error } : {}),
    more: !current.done,
    ...(current.total !== undefined ? { total: current.total } : {}),
    loadMore: () => load(current, false),
    retry: () => load(current, true),
  }
}
