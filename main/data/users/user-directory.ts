// Who a per-user crawl is about: the one-user picker's type-ahead and the resolution of a named
// user (by e-mail or ID) to both, so rows can carry the host's e-mail. Loaded users lists of the
// same connection answer first; Zoom's GET /users/{userId} (which takes an ID, an e-mail or `me`)
// answers the rest.
import type { UserMatch } from '../../../common/contract/data'
import { isAppError } from '../../../common/errors'
import type { DatasetStore } from '../datasets/dataset-store'
import type { FetchDetail } from '../details'

/** Lists whose rows are users with `id` and `email`. */
const USER_LISTS = new Set(['/users', '/report/users'])
/** Rows containing the text looked at per list: a type-ahead needs a few matches, not every one. */
const SEARCH_CANDIDATES = 500

interface UserRow {
  id?: unknown
  email?: unknown
  display_name?: unknown
  user_name?: unknown
  first_name?: unknown
  last_name?: unknown
}

function toMatch(row: unknown, source: UserMatch['source']): UserMatch | undefined {
  const user = (row ?? {}) as UserRow
  if (typeof user.id !== 'string' || user.id === '' || typeof user.email !== 'string' || user.email === '') return undefined
  const name = [user.display_name, user.user_name].find((n): n is string => typeof n === 'string' && n !== '') ?? ([user.first_name, user.last_name].filter((n) => typeof n === 'string' && n !== '').join(' ') || undefined)
  return name ? { id: user.id, email: user.email, name, source } : { id: user.id, email: user.email, source }
}

/** A whole e-mail, an ID or `me`: something GET /users/{userId} can answer (no spaces, no slashes). */
export function isUserKey(query: string): boolean {
  return /^[^\s/?#]+$/.test(query)
}

export class UserDirectory {
  constructor(
    private readonly datasets: DatasetStore,
    private readonly detail: FetchDetail,
  ) {}

  /** Users of the connection's loaded lists whose e-mail, name or ID contains `query` (case-insensitive). */
  async search(profileId: string, query: string, limit: number): Promise<UserMatch[]> {
    const needle = query.trim().toLowerCase()
    const found = new Map<string, UserMatch>()
    for (const dataset of this.datasets.all()) {
      if (dataset.profileId !== profileId || !USER_LISTS.has(dataset.resource.id)) continue
      // The database narrows to rows with the text anywhere; the match is then on e-mail, name or ID.
      for (const row of await dataset.search(needle, SEARCH_CANDIDATES)) {
        const match = toMatch(row, 'dataset')
        if (!match || found.has(match.id)) continue
        if ([match.email, match.name ?? '', match.id].some((text) => text.toLowerCase().includes(needle))) found.set(match.id, match)
        if (found.size >= limit) return [...found.values()]
      }
    }
    return [...found.values()]
  }

  /** The user named exactly by e-mail or ID, from a loaded list. */
  async known(profileId: string, key: string): Promise<UserMatch | undefined> {
    const needle = key.toLowerCase()
    for (const dataset of this.datasets.all()) {
      if (dataset.profileId !== profileId || !USER_LISTS.has(dataset.resource.id)) continue
      for (const row of await dataset.search(needle, SEARCH_CANDIDATES)) {
        const match = toMatch(row, 'dataset')
        if (match && (match.id === key || match.email.toLowerCase() === needle)) return match
      }
    }
    return undefined
  }

  /**
   * The user named by e-mail, ID or `me`: a loaded list first, else Zoom. `undefined` when Zoom
   * says there is no such user; other failures (scopes, network) are thrown.
   */
  async resolve(profileId: string, key: string, signal?: AbortSignal): Promise<UserMatch | undefined> {
    const known = key === 'me' ? undefined : await this.known(profileId, key)
    if (known) return known
    try {
      const user = await this.detail({ profileId, resource: 'user', id: key, ...(signal ? { signal } : {}) })
      return toMatch(user, 'zoom')
    } catch (error) {
      if (isAppError(error) && error.code === 'ZOOM_NOT_FOUND') return undefined
      throw error
    }
  }

  /** Type-ahead: loaded lists; when they know nobody and the query is a whole e-mail or ID, Zoom. */
  async find(profileId: string, query: string, limit: number, signal?: AbortSignal): Promise<UserMatch[]> {
    const matches = await this.search(profileId, query, limit)
    if (matches.length > 0 || !isUserKey(query.trim())) return matches
    const user = await this.resolve(profileId, query.trim(), signal)
    return user ? [user] : []
  }
}
