// The console's view of Zoom's API catalog: the index (every operation's summary) read once per
// run and searched as the person types, and whole operations fetched from main when picked.
// When main says the catalog is unavailable (none of Zoom's files could be had yet), completion
// falls back to the paths of the built-in resources.
import { useEffect, useState } from 'react'
import type { CatalogIndex, CatalogOperationSummary } from '../../../common/contract/index'
import { findTemplate } from '../../../common/zoom/api/match-path'
import { createOperationSearchIndex, type OperationSearchIndex } from '../../../common/zoom/api/search'
import type { ApiOperation } from '../../../common/zoom/api/types'
import { ALL_RESOURCES } from '../../../common/zoom/catalog'
import { call } from '../../ipc'

export interface ConsoleCatalog {
  /** 'loading' until main answers; 'fallback' when only the built-in resources are known. */
  state: 'loading' | 'ready' | 'fallback'
  search: OperationSearchIndex<CatalogOperationSummary>
  /** The documented operation of exactly this method and path template, if any. */
  find(method: string, path: string): CatalogOperationSummary | undefined
  /** The documented operation a method and path are: a template, or a filled path (`/users/me`). */
  resolve(method: string, url: string): CatalogOperationSummary | undefined
}

/** The built-in resources as operations, for completion before Zoom's files are available. */
function fallbackOperations(): CatalogOperationSummary[] {
  const seen = new Set<string>()
  const ops: CatalogOperationSummary[] = []
  for (const r of [{ path: '/users/me', label: 'Your own user', product: 'Users' }, ...ALL_RESOURCES.map((r) => ({ path: r.path, label: r.title, product: 'Built-in' }))]) {
    if (seen.has(r.path)) continue
    seen.add(r.path)
    ops.push({ method: 'GET', path: r.path, product: r.product, operationId: '', summary: r.label, deprecated: false, pagination: 'none', scopes: { classic: [], granular: [] }, docsUrl: '' })
  }
  return ops
}

function catalogOf(state: ConsoleCatalog['state'], operations: readonly CatalogOperationSummary[]): ConsoleCatalog {
  const byKey = new Map(operations.map((op) => [`${op.method} ${op.path}`, op]))
  const find = (method: string, path: string) => (state === 'ready' ? byKey.get(`${method} ${path}`) : undefined)
  return {
    state,
    search: createOperationSearchIndex(operations),
    find,
    resolve: (method, url) => {
      if (state !== 'ready') return undefined
      const exact = find(method, url.trim())
      if (exact) return exact
      const template = findTemplate(operations.filter((op) => op.method === method).map((op) => op.path), url.trim())
      return template === undefined ? undefined : find(method, template)
    },
  }
}

let loaded: Promise<ConsoleCatalog> | undefined
let fallback: ConsoleCatalog | undefined
const fallbackCatalog = (state: ConsoleCatalog['state']) => (fallback = fallback?.state === state ? fallback : catalogOf(state, fallbackOperations()))

function loadCatalog(): Promise<ConsoleCatalog> {
  loaded ??= call('catalog.index', undefined).then(
    (index: CatalogIndex) => {
      if (index.state === 'ready') return catalogOf('ready', index.operations)
      // Asked again the next time the console opens: Zoom's files may have been had meanwhile.
      loaded = undefined
      return fallbackCatalog('fallback')
    },
    () => {
      // Asked again the next time the console opens.
      loaded = undefined
      return fallbackCatalog('fallback')
    },
  )
  return loaded
}

/** Tests start each render from a clean slate. */
export function resetConsoleCatalog(): void {
  loaded = undefined
  operations.clear()
}

export function useConsoleCatalog(): ConsoleCatalog {
  const [catalog, setCatalog] = useState<ConsoleCatalog>(() => fallbackCatalog('loading'))
  useEffect(() => {
    let live = true
    void loadCatalog().then((c) => live && setCatalog(c))
    return () => {
      live = false
    }
  }, [])
  return catalog
}

const operations = new Map<string, Promise<ApiOperation | undefined>>()

/** The whole operation (parameters, schemas, example) of a documented method and path. */
export function useOperation(summary: CatalogOperationSummary | undefined): ApiOperation | undefined {
  const key = summary ? `${summary.method} ${summary.path}` : undefined
  const [operation, setOperation] = useState<{ key: string; op: ApiOperation } | undefined>()
  useEffect(() => {
    if (!summary || key === undefined) return
    let live = true
    let loading = operations.get(key)
    if (!loading) {
      loading = call('catalog.operation', { method: summary.method, path: summary.path }).catch(() => {
        operations.delete(key)
        return undefined
      })
      operations.set(key, loading)
    }
    void loading.then((op) => live && op && setOperation({ key, op }))
    return () => {
      live = false
    }
  }, [key, summary])
  return operation && operation.key === key ? operation.op : undefined
}
