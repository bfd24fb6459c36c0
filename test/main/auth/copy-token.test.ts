// Copy access token: main asks in its own dialog before the token reaches the clipboard, and the
// clipboard is always wiped (the delay has a minimum and a maximum).
import { describe, expect } from 'vitest'
import { settingsSchema } from '../../../common/contract/settings'
import { channels } from '../../../common/contract'
import { credentialsTest } from './credentials-fixture'
import { s2sDraft, tokensOf } from './credentials-harness'

const it = credentialsTest()
let profileId: string

it.beforeAll(async ({ app, sandbox }) => {
  profileId = (await app.call('profiles.create', s2sDraft(sandbox, 'Copy <b>me</b>'))).id
  await app.call('auth.connect', { profileId })
})
it.beforeEach(({ app }) => {
  app.fakes.dialogs.confirmations.length = 0
  app.fakes.dialogs.confirmAnswers.length = 0
  app.fakes.clipboard.writeText('')
})

describe('auth.copyToken', () => {
  it('writes nothing to the clipboard until the person confirms in main’s dialog', async ({ app, time }) => {
    await expect(app.call('auth.copyToken', { profileId })).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(app.fakes.clipboard.writes.filter((w) => w !== '')).toEqual([])
    expect(app.fakes.dialogs.confirmations).toHaveLength(1)
    const asked = app.fakes.dialogs.confirmations[0]!
    expect(asked.confirmLabel).toMatch(/copy/i)
    expect(`${asked.message}\n${asked.detail ?? ''}`).toContain('30 seconds')
    expect(`${asked.message}\n${asked.detail ?? ''}`).toContain('Copy <b>me</b>')

    app.fakes.dialogs.confirmAnswers.push(true)
    expect(await app.call('auth.copyToken', { profileId })).toEqual({ clearsAfterSeconds: 30 })
    const [token] = await tokensOf(app, profileId)
    expect(app.fakes.clipboard.text).toBe(token)
    time.advance(30_000)
    expect(app.fakes.clipboard.text).toBe('')
  })

  it('a renderer cannot turn the clipboard wipe off or push it out of reach', () => {
    const patch = channels['settings.update'].input
    expect(patch.safeParse({ clipboardClearSeconds: 0 }).success).toBe(false)
    expect(patch.safeParse({ clipboardClearSeconds: 3600 }).success).toBe(false)
    expect(patch.safeParse({ clipboardClearSeconds: 10 }).success).toBe(true)
    expect(patch.safeParse({ clipboardClearSeconds: 300 }).success).toBe(true)
  })

  it('a stored "never" from an older version becomes the default instead of breaking profiles.json', () => {
    expect(settingsSchema.parse({ clipboardClearSeconds: 0 }).clipboardClearSeconds).toBe(30)
    expect(settingsSchema.parse({ clipboardClearSeconds: 3600 }).clipboardClearSeconds).toBe(30)
    expect(settingsSchema.parse({ clipboardClearSeconds: 120 }).clipboardClearSeconds).toBe(120)
  })
})
