// The facts a kept dataset's file stores about itself (its meta row), checked before the file is
// listed. They are read back from a file on disk that another tool may have changed: a crawl time
// that is not a number made the expiry's comparison false, and the list was deleted as expired.
import type { DatasetMeta } from './store/protocol'

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
const isText = (value: unknown): value is string => typeof value === 'string' && value !== ''

/** Whether `meta` is the kept dataset `id`'s own, with the fields listing, expiry and opening rely on. */
export function isKeptMeta(meta: DatasetMeta | undefined, id: string): meta is DatasetMeta & { keptAt: number } {
  if (meta === null || typeof meta !== 'object') return false
  if (meta.id !== id || !isText(meta.profileId) || !isText(meta.resourceId) || !isTime(meta.createdAt) || !isTime(meta.keptAt)) return false
  return meta.missing === undefined || (Array.isArray(meta.missing) && meta.missing.every((item) => typeof item === 'string'))
}
