// Lists are named by their GET path template exactly as Zoom's OpenAPI files write it
// (`/users/{userId}/recordings`): GET templates are unique across Zoom's 31 files, operationIds
// are not. The short ids of the first built-in tabs ('users', 'meetings', …) are still accepted as
// aliases, mapped here and nowhere else.
import { LIST_RESOURCES, UNTABBED_LISTS } from '../catalog'
import { LIST_RESOURCE_IDS, UNTABBED_LIST_IDS } from '../resource-ids'
import type { ListResource } from '../catalog-types'

/** Alias → path template, from the built-in catalog. */
export const LIST_ALIASES: ReadonlyMap<string, string> = new Map(LIST_RESOURCE_IDS.map((id) => [id, LIST_RESOURCES[id].path]))

/** The built-in (curated) lists by path template: labels, default columns, value labels, date windows. */
export const CURATED_LISTS: ReadonlyMap<string, ListResource> = new Map([...LIST_RESOURCE_IDS.map((id) => LIST_RESOURCES[id]), ...UNTABBED_LIST_IDS.map((id) => UNTABBED_LISTS[id])].map((resource) => [resource.path, resource]))

/**
 * `users: 'account'` on a per-user list: the list that gives every user's rows in one listing
 * instead (cloud recordings: the account-wide listing). Kept as an alias of that list for the
 * callers that choose it as "whose" rather than as a list of its own.
 */
export const ACCOUNT_WIDE_LISTS: ReadonlyMap<string, string> = new Map([[LIST_RESOURCES.recordings.path, UNTABBED_LISTS['account.recordings'].path]])

/** A path template as Zoom writes one: `/segment/{param}/…` of letters, digits, `_` and `-` (no `.` or `..` segments). */
export const PATH_TEMPLATE = /^(\/[A-Za-z0-9_-]+|\/\{[A-Za-z0-9_]+\})+$/

/** The path template a crawl input names: itself, or the one an alias stands for; undefined otherwise. */
export function listPathOf(resource: string): string | undefined {
  const aliased = LIST_ALIASES.get(resource)
  if (aliased !== undefined) return aliased
  return PATH_TEMPLATE.test(resource) ? resource : undefined
}

/** The built-in tab of a path template, if it has one. */
export function curatedList(path: string): ListResource | undefined {
  return CURATED_LISTS.get(path)
}
