// After a refresh the rotated set is written to the vault before the new access token is
// returned or reported; if that write fails, the token is not handed out, and the next call
// saves the set it kept in memory instead of burning the rotated refresh token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StoreError } from '../../../main/store'
import { ManualTime } from '../../fakes/manual-time'
import { startSandbox, type Sandbox } from '../../sandbox'
import { createHarness, tokenRequests, tokensOf, userDraft, type Harness, type Instance } from '../auth/credentials-harness'

let sandbox: Sandbox
let harness: Harness
let app: Instance
const time = new ManualTime()

beforeAll(async () => {
  sandbox = await startSandbox({ now: () => time.now() })
  harness = await createHarness(sandbox, time)
  app = await harness.start()
})
afterAll(async () => {
  await harness.close()
  await sandbox.close()
})

describe('persisting rotated tokens', () => {
  it('writes the vault before returning or reporting the new token; a failed write hands out nothing', async () => {
    const profile = await app.call('profiles.create', userDraft(sandbox) as never)
    await app.call('auth.connect', { profileId: profile.id })
    const [oldAccess] = await tokensOf(app, profile.id)
    time.advance(3600_000)
    sandbox.resetStats()

    const order: string[] = []
    const realSetSecret = app.vault.setSecret.bind(app.vault)
    let failNext = true
    app.vault.setSecret = async (...args: Parameters<typeof realSetSecret>) => {
      order.push('write started')
      if (failNext) {
        failNext = false
        throw new StoreError('FILE_IO', 'Could not save vault.json (ENOSPC)')
      }
      await realSetSecret(...args)
      order.push('write done')
    }
    const statusBefore = app.fakes.events.of('auth.status').length

    await expect(app.credentials.tokens.getAccessToken(profile.id)).rejects.toMatchObject({ code: 'FILE_IO' })
    expect(tokenRequests(sandbox)).toBe(1)
    expect((await tokensOf(app, profile.id))[0]).toBe(oldAccess)
    const reported = app.fakes.events.of('auth.status').slice(statusBefore)
    expect(reported.every((s) => s.state !== 'connected')).toBe(true)

    const { accessToken } = await app.credentials.tokens.getAccessToken(profile.id).then((t) => {
      order.push('returned')
      return t
    })
    // No second refresh: the set received earlier was saved, then used.
    expect(tokenRequests(sandbox)).toBe(1)
    expect(order).toEqual(['write started', 'write started', 'write done', 'returned'])
    expect((await tokensOf(app, profile.id))[0]).toBe(accessToken)
    expect(accessToken).not.toBe(oldAccess)
    app.vault.setSecret = realSetSecret
  })
})
