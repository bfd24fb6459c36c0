// The data side's ports implemented with the real rate-aware Zoom client (main/zoom/): lists via
// listPages (catalog page size, rate label, restart without duplicates), downloads via
// client.stream with Range, details via getDetail, rate usage from the account's limiter.
import { getDetail, listPages, type ZoomClients } from '../zoom'
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
      async *pages({ profileId, resource, userId, params, signal }): AsyncIterable<Page> {
        const pages = listPages(clients.forProfile(profileId), resource, { params, signal, ...(userId !== undefined ? { userId } : {}) })
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
      detail: ({ profileId, resource, id, params, signal }) =>
        getDetail(clients.forProfile(profileId), resource, id, { ...(params ? { params } : {}), ...(signal ? { signal } : {}) }),
    },
    rateUsage: { rateUsage: (profileId) => clients.rateUsage(profileId) },
  }
}
