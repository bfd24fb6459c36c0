// The lists of one row's own data that a row's details link to: who took part in a meeting, a
// webinar's registrants, a phone user's calls. Each names the row field that fills the list's one
// path parameter, so the link loads that list without the ID being copied out of the row by hand.
import { LIST_RESOURCES } from '../../../common/zoom/catalog'

export interface ItemList {
  /** The link's text in the details. */
  label: string
  /** The list's GET path template, as Zoom's files write it. */
  resource: string
  /** Its path parameter the row fills. */
  param: string
  /**
   * The row field that fills it: `uuid` names one occurrence of a meeting or webinar (who took
   * part in it), `id` names them all (who registered for the series).
   */
  field: 'id' | 'uuid'
}

export interface ItemLists {
  /** What a row is, for the links' name: "This meeting’s data". */
  noun: string
  lists: readonly ItemList[]
}

/** Who took part in one occurrence of a meeting (Zoom's file: Meetings.json, listPastMeetingParticipants). */
const MEETING: ItemLists = { noun: 'meeting', lists: [{ label: 'Participants', resource: '/past_meetings/{meetingId}/participants', param: 'meetingId', field: 'uuid' }] }

/** A webinar's registrants (webinarRegistrants) and who took part in one occurrence (listWebinarParticipants). */
const WEBINAR: ItemLists = {
  noun: 'webinar',
  lists: [
    { label: 'Registrants', resource: '/webinars/{webinarId}/registrants', param: 'webinarId', field: 'id' },
    { label: 'Participants', resource: '/past_webinars/{webinarId}/participants', param: 'webinarId', field: 'uuid' },
  ],
}

/**
 * One phone user's calls (getUserCallHistory). Its {userId} comes from the Phone users list (the
 * fan-out rule: /phone/users is its parent), so the row's `id` fills it as the path value.
 */
const PHONE_USER: ItemLists = { noun: 'phone user', lists: [{ label: 'Call history', resource: '/phone/users/{userId}/call_history', param: 'userId', field: 'id' }] }

/** By the list a row comes from: lists whose rows are meetings that took place or may have, and webinars. */
const BY_RESOURCE: ReadonlyMap<string, ItemLists> = new Map([
  [LIST_RESOURCES.meetings.path, MEETING],
  [LIST_RESOURCES.recordings.path, MEETING],
  ['/report/users/{userId}/meetings', MEETING],
  [LIST_RESOURCES.webinars.path, WEBINAR],
  [LIST_RESOURCES['phone.users'].path, PHONE_USER],
])

export const itemListsOf = (resource: string): ItemLists | undefined => BY_RESOURCE.get(resource)

/** The value a row gives the list's path parameter, if it has one. */
export function itemListValue(row: unknown, list: ItemList): string | undefined {
  const value = row !== null && typeof row === 'object' ? (row as Record<string, unknown>)[list.field] : undefined
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value)
  return typeof value === 'string' && value !== '' ? value : undefined
}
