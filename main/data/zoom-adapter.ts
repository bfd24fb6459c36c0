// The data side's ports implemented with the real rate-aware Zoom client (main/zoom/): lists via
// client.paginate at the catalog's page size, downloads via client.stream with Range, details
// via client.get, rate usage from the account's limiter.
import { DETAIL_RESOURCES, expandPath, listResource } from '../../common/zoom/catalog'
import type { ZoomClients } from '../zoom/clients'
import type { DetailSource, DownloadSource, Page, PageSource, RateUsageSource } from './ports'

export interface ZoomDataPorts {
  pages: PageSource
  downloads: DownloadSource
  details: DetailSource
  rateUsage: RateUsageSource
}

export function createZoomDataPorts(clients: ZoomClients): ZoomDataPorts {
  return {
    pages: {
      async *pages(request): AsyncIterable<Page> {
        const resource = listResource(request.resource)
        const path = resource.perUser ? expandPath(resource.path, { userId: request.userId ?? 'me' }) : resource.path
        const pages = clients.forProfile(request.profileId).paginate({
          path,
          listKey: resource.listKey,
          ...(resource.altListKeys ? { altListKeys: resource.altListKeys } : {}),
          idKeys: resource.idKeys,
          ...(resource.maxPageSize !== undefined ? { pageSize: resource.maxPageSize } : {}),
          paginated: resource.paginated,
          searchParams: request.params,
          family: resource.family,
          category: resource.category,
          signal: request.signal,
        })
        for await (const page of pages) {
          yield { items: page.items, rateLimitWaits: page.rateLimitWaits, ...(page.totalRecords !== undefined ? { totalRecords: page.totalRecords } : {}) }
        }
      },
    },
    downloads: {
      async open(profileId, url, { start, signal }) {
        const stream = await clients.forProfile(profileId).stream(url, { signal, ...(start > 0 ? { range: { start } } : {}) })
        return { status: stream.status, headers: stream.headers, body: stream.body }
      },
    },
    details: {
      detail({ profileId, resource, id, params, signal }) {
        const spec = DETAIL_RESOURCES[resource]
        return clients.forProfile(profileId).get(expandPath(spec.path, { [spec.idParam]: id }), {
          family: spec.family,
          category: spec.category,
          ...(params ? { searchParams: params } : {}),
          ...(signal ? { signal } : {}),
        })
      },
    },
    rateUsage: { rateUsage: (profileId) => clients.rateUsage(profileId) },
  }
}
