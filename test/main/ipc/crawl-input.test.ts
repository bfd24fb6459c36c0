// data.crawl's input at the bridge: a list is named by its GET path template as Zoom's files
// write it; the first tabs' ids are aliases that arrive in main as their template; anything else
// is refused by the router's zod parse, before main looks at it.
import { describe, expect, it } from 'vitest'
import { crawlInputSchema } from '../../../common/contract/data'

describe('data.crawl input', () => {
  it('takes path templates with path parameters among params, and maps the built-in ids to theirs', () => {
    expect(crawlInputSchema.parse({ profileId: 'p1', resource: '/phone/call_queues/{callQueueId}/members', params: { callQueueId: 'abc' } })).toEqual({
      profileId: 'p1',
      resource: '/phone/call_queues/{callQueueId}/members',
      params: { callQueueId: 'abc' },
    })
    expect(crawlInputSchema.parse({ profileId: 'p1', resource: 'recordings', users: 'all' })).toMatchObject({ resource: '/users/{userId}/recordings', params: {}, users: 'all' })
    expect(crawlInputSchema.parse({ profileId: 'p1', resource: 'phone.callHistory' }).resource).toBe('/phone/call_history')
  })

  it('refuses what is no path template', () => {
    for (const resource of ['', 'rooms', 'https://api.zoom.us/v2/users', '/users?status=active', '/users/../admin', '/users/{user id}', 'x'.repeat(600)]) {
      expect(crawlInputSchema.safeParse({ profileId: 'p1', resource }).success, resource).toBe(false)
    }
  })
})
