// One user, meeting or webinar for data.detail and the one-user picker, straight from the
// profile's Zoom client (getDetail checks its parameters once); a 403 names the scopes the
// profile's app type can be granted.
import type { DetailResourceId } from '../../common/zoom/resource-ids'
import { DETAIL_RESOURCES } from '../../common/zoom/catalog'
import { getDetail, type ZoomClients } from '../zoom'
import { forAppType, type ScopeLevelOf } from './jobs/scope-check'

export interface DetailRequest {
  profileId: string
  resource: DetailResourceId
  id: string
  params?: Record<string, string | number | boolean>
  signal?: AbortSignal
}

export type FetchDetail = (request: DetailRequest) => Promise<unknown>

export function detailFetcher(zoom: Pick<ZoomClients, 'forProfile'>, scopeLevel?: ScopeLevelOf): FetchDetail {
  return ({ profileId, resource, id, params, signal }) =>
    getDetail(zoom.forProfile(profileId), resource, id, { ...(params ? { params } : {}), ...(signal ? { signal } : {}) }).catch((error: unknown) => {
      throw forAppType(error, DETAIL_RESOURCES[resource], scopeLevel, profileId)
    })
}
