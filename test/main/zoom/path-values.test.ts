// Ids that come from the page or from Zoom's data are path segments, never path steps: "." and
// ".." would make the URL parser walk up the request's path (`DELETE /meetings/../recordings` is
// `DELETE /recordings`), and `%2e%2e` is read the same way (WHATWG URL, "double-dot segment").
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listSpecFor } from '../../../common/zoom/browse/list-spec'
import { listPages } from '../../../main/data/jobs/list-pages'
import { zoomDownloadSource } from '../../../main/downloads/source'
import { createZoomClients, getDetail } from '../../../main/zoom'
import { startSandbox, type Sandbox } from '../../sandbox'
import { caught } from '../../support/caught'
import { FAST_RETRY, FAST_TIMEOUTS, profileLookup, sandboxProfile, sandboxTokens } from './sandbox-helpers'

let sandbox: Sandbox
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 5, users: 10, plan: 'unlimited' })
})
afterAll(() => sandbox.close())

const clients = () => createZoomClients({ tokens: sandboxTokens(sandbox), profiles: profileLookup(sandboxProfile(sandbox)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS })

describe('dot segments as ids', () => {
  it('data.detail refuses "." and ".." as the id, sending nothing', async () => {
    sandbox.resetStats()
    for (const id of ['..', '.']) expect((await caught(getDetail(clients().forProfile('p1'), 'user', id))).code).toBe('VALIDATION')
    expect(sandbox.stats().apiTotal).toBe(0)
  })

  it('a crawl’s listing refuses a user ID from the page or from Zoom’s users list that is "." or "..", sending nothing', async () => {
    sandbox.resetStats()
    const spec = listSpecFor('/users/{userId}/meetings', undefined)!
    for (const userId of ['..', '.']) {
      const error = await caught(
        (async () => {
          for await (const page of listPages(clients().forProfile('p1'), spec, { pathValues: { userId }, query: {}, signal: new AbortController().signal })) void page
        })(),
      )
      expect(error.code).toBe('VALIDATION')
    }
    expect(sandbox.stats().apiTotal).toBe(0)
  })

  it('moving a recording to the trash refuses "." and ".." as the meeting UUID, sending nothing', async () => {
    sandbox.resetStats()
    const source = zoomDownloadSource(clients())
    for (const uuid of ['..', '.']) expect((await caught(source.trash!('p1', uuid, new AbortController().signal))).code).toBe('VALIDATION')
    expect(sandbox.stats().apiTotal).toBe(0)
  })
})
