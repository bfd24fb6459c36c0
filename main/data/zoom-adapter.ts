// The data side's ports implemented with the real rate-aware Zoom client (main/zoom/): lists via
// listPages (catalog page size, rate label, restart without duplicates), downloads via
// client.stream with Range, details via getDetail, rate usage from the account's limiter.
import { AppError, isAppError } from '../../common/errors'
import { DETAIL_RESOURCES, LIST_RESOURCES, scopeMissingMessage, scopesForApp, type Resource, type ScopeLevel } from '../../common/zoom/catalog'
import { getDetail, listPages, type ZoomClients } from '../zoom'
import { listAccountRecordings } from '../zoom/account-recordings'
import { ACCOUNT_RECORDINGS } from '../../common/zoom/account-recordings'
import type { DetailSource, DownloadSource, Page, PageSource, RateUsageSource } from './ports'

/**
 * Zoom's 403 names every scope its OpenAPI accepts; the person needs the ones their app type can
 * be granted — the same the editor's presets and the Browse tab warnings name.
 */
function forApp(error: unknown, resource: Pick<Resource, 'title' | 'scopes'>, level: ScopeLevel | undefined): unknown {
  if (level === undefined || !isAppError(error) || error.code !== 'ZOOM_SCOPE_MISSING') return error
  return new AppError('ZOOM_SCOPE_MISSING', scopeMissingMessage(resource, level), { ...error.details, acceptedScopes: scopesForApp(resource, level) })
}

export interface ZoomDataPorts {
  pages: PageSource
  downloads: DownloadSource
  details: DetailSource
  rateUsage: RateUsageSource
}

export interface ZoomDataPortsOptions {
  /** The profile's app type, for scope errors that name what that app can be granted. */
  scopeLevel?: (profileId: string) => ScopeLevel
}

export function createZoomDataPorts(clients: ZoomClients, options: ZoomDataPortsOptions = {}): ZoomDataPorts {
  const levelOf = (profileId: string): ScopeLevel | undefined => {
    try {
      return options.scopeLevel?.(profileId)
    } catch {
      return undefined
    }
  }
  return {
    pages: {
      async *pages({ profileId, resource, userId, accountWide, params, signal, onRateLimitWait }): AsyncIterable<Page> {
        try {
          const client = clients.forProfile(profileId)
          const pages = accountWide
            ? listAccountRecordings(client, { params, signal, ...(onRateLimitWait ? { onRateLimitWait } : {}) })
            : listPages(client, resource, { params, signal, ...(userId !== undefined ? { userId } : {}), ...(onRateLimitWait ? { onRateLimitWait } : {}) })
          for await (const page of pages) {
            yield { items: page.items, rateLimitWaits: page.rateLimitWaits, ...(page.totalRecords !== undefined ? { totalRecords: page.totalRecords } : {}) }
          }
        } catch (error) {
          throw forApp(error, accountWide ? ACCOUNT_RECORDINGS : LIST_RESOURCES[resource], levelOf(profileId))
        }
      },
    },
    downloads: {
      async open(profileId, url, { start, signal }) {
        const stream = await clients.forProfile(profileId).stream(url, { signal, ...(start > 0 ? { range: { start } } : {}) })
        return { status: stream.status, headers: stream.headers, body: stream.body }
      },
      async trash(profileId, meetingUuid, signal) {
        // Zoom: a UUID starting with "/" or containing "//" must be encoded twice.
        const once = encodeURIComponent(meetingUuid)
        const id = meetingUuid.startsWith('/') || meetingUuid.includes('//') ? encodeURIComponent(once) : once
        await clients.forProfile(profileId).request({ method: 'DELETE', path: `/meetings/${id}/recordings`, searchParams: { action: 'trash' }, signal })
      },
    },
    details: {
      detail: ({ profileId, resource, id, params, signal }) =>
        getDetail(clients.forProfile(profileId), resource, id, { ...(params ? { params } : {}), ...(signal ? { signal } : {}) }).catch((error: unknown) => {
          throw forApp(error, DETAIL_RESOURCES[resource], levelOf(profileId))
        }),
    },
    rateUsage: { rateUsage: (profileId) => clients.rateUsage(profileId) },
  }
}
