// Catalog-aware detail fetching: a detail resource id plus parameters in, the parameters checked
// once against the catalog, a request under the resource's rate-limit label out. Lists are
// fetched by main/data/jobs/list-pages.ts.
import { AppError } from '../../common/errors'
import { DETAIL_RESOURCES, expandPath } from '../../common/zoom/catalog'
import { isDotSegment } from '../../common/zoom/paths'
import { validateResourceParams, type ParamValue } from '../../common/zoom/params'
import type { DetailResourceId } from '../../common/zoom/resource-ids'
import type { ZoomClient } from './client'

function validated(resource: Parameters<typeof validateResourceParams>[0], params: Readonly<Record<string, ParamValue | undefined>> | undefined, now: number): Record<string, string> {
  const check = validateResourceParams(resource, params ?? {}, { now })
  if (!check.ok) throw new AppError('VALIDATION', check.issues.map((i) => i.message).join('; '), { issues: check.issues })
  // A value like status=all stands for several lists: the crawl job splits it. Sent as it is,
  // Zoom would quietly answer with its default (active users only).
  if (check.expand?.length) throw new AppError('VALIDATION', `${check.expand.map((e) => e.name).join(', ')}: one list at a time here; a crawl splits “all” into its lists.`)
  return check.query
}

/** One user, meeting or webinar. */
export async function getDetail<T = unknown>(
  client: ZoomClient,
  id: DetailResourceId,
  objectId: string,
  options: { params?: Readonly<Record<string, ParamValue | undefined>>; signal?: AbortSignal } = {},
): Promise<T> {
  const resource = DETAIL_RESOURCES[id]
  if (isDotSegment(objectId)) throw new AppError('VALIDATION', 'The id cannot be “.” or “..”.', { issues: [{ path: 'id', message: 'cannot be “.” or “..”' }] })
  const query = validated(resource, options.params, Date.now())
  const path = expandPath(resource.path, { [resource.idParam]: objectId })
  return client.get<T>(path, { searchParams: query, family: resource.family, category: resource.category, ...(options.signal ? { signal: options.signal } : {}) })
}
