// The real Zoom client (main/zoom) against the sandbox, for the data side's tests: one profile
// ('p1', Server-to-Server) with fast retries, no client-side pacing. `spyZoom` wraps the same
// client to watch (or cut short) the listings a crawl asks for; every page still comes from it.
import { buildApiCatalog } from '../../../common/zoom/api/parse'
import type { ApiCatalog } from '../../../common/zoom/api/types'
import type { ListSpec } from '../../../common/zoom/browse/list-spec'
import { listSpecFor } from '../../../common/zoom/browse/list-spec'
import { listPages } from '../../../main/data/jobs/list-pages'
import { createZoomClients, type PaginateRequest, type RetryPolicy, type ZoomClient, type ZoomClients, type ZoomPage, type ZoomTimeouts } from '../../../main/zoom'
import type { CatalogSource } from '../../../main/data/jobs/job-manager'
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox'
import { zoomOpenApiFiles } from '../../support/zoom-openapi'
import { FAST_RETRY, FAST_TIMEOUTS, profileLookup, sandboxProfile, sandboxTokens } from '../zoom/sandbox-helpers'

export function sandboxZoom(sandbox: Sandbox, options: { retry?: Partial<RetryPolicy>; timeouts?: Partial<ZoomTimeouts> } = {}): ZoomClients {
  return createZoomClients({ tokens: sandboxTokens(sandbox), profiles: profileLookup(sandboxProfile(sandbox)), retry: { ...FAST_RETRY, ...options.retry }, timeouts: { ...FAST_TIMEOUTS, ...options.timeouts }, rateLimiting: false })
}

/** A built-in list's description (before Zoom's files are read). */
export function builtIn(path: string): ListSpec {
  const spec = listSpecFor(path, undefined)
  if (!spec) throw new Error(`no built-in list ${path}`)
  return spec
}

/** Every row of one listing, straight from the client. */
export async function listAll<T = unknown>(zoom: ZoomClients, spec: ListSpec, pathValues: Record<string, string> = {}, query: Record<string, string> = {}): Promise<T[]> {
  const rows: T[] = []
  for await (const page of listPages(zoom.forProfile('p1'), spec, { pathValues, query, signal: new AbortController().signal })) rows.push(...(page.items as T[]))
  return rows
}

/** Requests the sandbox answered on /v2 so far (retries included). */
export function apiRequests(sandbox: Sandbox): number {
  return sandbox.stats().apiTotal
}

type Around = (request: PaginateRequest, pages: AsyncGenerator<ZoomPage>, client: ZoomClient) => AsyncGenerator<ZoomPage>

const through: Around = (_request, pages) => pages

/**
 * The same clients, with every listing passed through `around` (to count, record or cancel), and
 * optionally asked at a smaller page size than the list's largest (so a test sees many pages).
 */
export function spyZoom(zoom: ZoomClients, around: Around = through, options: { pageSize?: number } = {}): ZoomClients {
  return {
    ...zoom,
    forProfile(profileId) {
      const client = zoom.forProfile(profileId)
      const spy = Object.create(client) as ZoomClient
      spy.paginate = ((given: PaginateRequest) => {
        const request = options.pageSize !== undefined ? { ...given, pageSize: options.pageSize } : given
        return around(request, client.paginate(request), client)
      }) as ZoomClient['paginate']
      return spy
    },
  }
}

/**
 * Zoom's files as a catalog, the CatalogSource a job manager reads it from, and a sandbox started
 * with `options` (close it after the tests). Only where Zoom's files are present.
 */
export async function startCatalogSandbox(options: SandboxOptions): Promise<{ catalog: ApiCatalog; source: CatalogSource; sandbox: Sandbox }> {
  const catalog = buildApiCatalog(zoomOpenApiFiles())
  const source: CatalogSource = { loaded: catalog, catalogFor: async () => catalog }
  return { catalog, source, sandbox: await startSandbox(options) }
}
