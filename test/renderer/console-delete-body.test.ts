// Zoom documents DELETE operations that take a JSON body (DELETE /contact_center/queues/batch,
// DELETE /phone/roles/{roleId}/targets, …, 12 in Zoom's files); the console must send it.
import { afterEach, describe, expect, it } from 'vitest'
import { setBridge } from '../../renderer/ipc'
import { resetStore, useStore } from '../../renderer/store/index'
import { FakeBridge, makeProfile } from './fake-bridge'

afterEach(() => {
  setBridge(undefined)
  resetStore()
})

describe('console DELETE with a body', () => {
  it('sends the body of a DELETE', async () => {
    const p = makeProfile({ name: 'Acme' })
    const fake = new FakeBridge({ profiles: [p] })
    setBridge(fake.asBridge())
    resetStore()
    const body = '{"queue_ids":["q1","q2"]}'
    useStore.getState().setConsoleDraft(p.id, { method: 'DELETE', url: '/contact_center/queues/batch', body })
    await useStore.getState().sendRequest(p.id)
    expect(fake.callsOf('console.send')).toEqual([expect.objectContaining({ method: 'DELETE', url: '/contact_center/queues/batch', body })])
  })
})
