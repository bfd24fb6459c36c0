// The browsable Zoom resources. The catalog (common/zoom/catalog.ts) describes each one.
export const LIST_RESOURCE_IDS = [
  'users',
  'meetings',
  'webinars',
  'recordings',
  'report.daily',
  'report.hosts',
  'phone.users',
  'phone.callHistory',
] as const
export const DETAIL_RESOURCE_IDS = ['user', 'meeting', 'webinar'] as const
/** Lists described by hand that have no tab of their own (Zoom's files leave them out). */
export const UNTABBED_LIST_IDS = ['account.recordings'] as const

export type ListResourceId = (typeof LIST_RESOURCE_IDS)[number]
export type DetailResourceId = (typeof DETAIL_RESOURCE_IDS)[number]
export type UntabbedListId = (typeof UNTABBED_LIST_IDS)[number]
