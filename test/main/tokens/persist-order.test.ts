// After a refresh the rotated set is written to the vault before the new access token is
// returned or reported; if that write fails, the token is not handed out, and the next call
// saves the set it kept in memory instead of burning the rotated refresh token.
import { describe, expect } from 'vitest'
import { credentialsTest } from '../auth/credentials-fixture'
import { StoreError } from '../../../main/store'
import { tokenRequests, tokensOf, userDraft } from '../auth/credentials-harness'

const it = credentialsTest()

describe('persisting rotated tokens', () => {
  it('writes the vault before returning or reporting the new token; a failed write hands out nothing', async ({ app, sandbox, time }) => {
    const profile = await app.call('profiles.create', userDraft(sandbox))
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

  it('Test connection never uses a set whose vault write failed: it saves it first, or refuses', async ({ app, sandbox, time }) => {
    const profile = await app.call('profiles.create', userDraft(sandbox, 'Validated while unsaved'))
    await app.call('auth.connect', { profileId: profile.id })
    const [oldAccess] = await tokensOf(app, profile.id)
    time.advance(3600_000)
    const realSetSecret = app.vault.setSecret.bind(app.vault)
    let failures = 2
    const order: string[] = []
    app.vault.setSecret = async (...args: Parameters<typeof realSetSecret>) => {
      order.push('write started')
      if (failures > 0) {
        failures--
        throw new StoreError('FILE_IO', 'Could not save vault.json (ENOSPC)')
      }
      await realSetSecret(...args)
      order.push('write done')
    }
    try {
      // The refresh succeeds at Zoom, its write fails: the rotated set exists only in memory.
      await expect(app.credentials.tokens.getAccessToken(profile.id)).rejects.toMatchObject({ code: 'FILE_IO' })
      sandbox.resetStats()
      // The write fails again: the validation is refused, the unsaved token went nowhere.
      await expect(app.call('auth.test', { profileId: profile.id })).rejects.toMatchObject({ code: 'FILE_IO' })
      expect(sandbox.stats().api).toEqual({})
      // Now the write works: the set is saved, then validated with.
      const result = await app.call('auth.test', { profileId: profile.id })
      expect(result.ok).toBe(true)
      expect(order).toEqual(['write started', 'write started', 'write started', 'write done'])
      const [savedAccess] = await tokensOf(app, profile.id)
      expect(savedAccess).not.toBe(oldAccess)
      expect(tokenRequests(sandbox)).toBe(0)
    } finally {
      app.vault.setSecret = realSetSecret
    }
  })

  it('disconnect revokes the unsaved set without needing the vault write to succeed', async ({ app, sandbox, time }) => {
    const profile = await app.call('profiles.create', userDraft(sandbox, 'Revoked while unsaved'))
    await app.call('auth.connect', { profileId: profile.id })
    time.advance(3600_000)
    const realSetSecret = app.vault.setSecret.bind(app.vault)
    app.vault.setSecret = async () => {
      throw new StoreError('FILE_IO', 'Could not save vault.json (ENOSPC)')
    }
    try {
      await expect(app.credentials.tokens.getAccessToken(profile.id)).rejects.toMatchObject({ code: 'FILE_IO' })
      sandbox.resetStats()
      expect((await app.call('auth.disconnect', { profileId: profile.id })).state).toBe('disconnected')
      // The refresh token, then the access token (RFC 7009).
      expect(sandbox.stats().revocations).toBe(2)
      expect(app.vault.hasSecret(profile.id, 'tokens')).toBe(false)
    } finally {
      app.vault.setSecret = realSetSecret
    }
  })
})
