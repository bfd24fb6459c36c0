// Deleting a connection deletes its kept lists too (profiles.delete). If that cannot be
// finished (a list that cannot be closed, the app ending mid-way), the person must not be left with
// a deleted connection whose kept Zoom data stays on disk with no connection to delete it from.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appPage, corePerTest } from '../../fakes/core-per-test'
import { syntheticUsers, usersResource } from './fixtures'

const scratch = corePerTest('zc-profile-')

describe('deleting a connection that has kept lists', () => {
  it('does not delete the connection when its kept lists could not be deleted', async () => {
    const dataDir = await scratch.folder()
    const core = await scratch.start()
    expect(await core.router.invoke('vault.setup', appPage, { protector: 'os-keychain' })).toMatchObject({ ok: true })
    const profile = await core.credentials.profiles.create({ fields: { name: 'Acme', grant: 's2s', accountId: 'acct123', clientId: 'client123' }, clientSecret: 'not-a-real-secret' })
    const kept = core.data.datasets.create(profile.id, usersResource, Date.now())
    await kept.add(syntheticUsers(20))
    await core.data.datasets.keep(kept.id, Date.now())
    const keptFile = join(dataDir, 'datasets', 'kept', `${kept.id}.sqlite`)

    // Deleting its lists fails once (as a close refused by the thread, or the app ending, would).
    const store = core.data.datasets
    const forgetKept = store.forgetKept.bind(store)
    let failures = 1
    store.forgetKept = async (id) => {
      if (failures-- > 0) throw new Error('the kept list could not be closed')
      return forgetKept(id)
    }
    const reply = await core.router.invoke('profiles.delete', appPage, { id: profile.id })

    const profileLeft = (await core.credentials.profiles.list()).some((p) => p.id === profile.id)
    // Either nothing happened (the person can delete the connection again) or everything did.
    if (!profileLeft) {
      expect(reply).toMatchObject({ ok: true })
      expect(existsSync(keptFile)).toBe(false)
    } else {
      expect(reply).toMatchObject({ ok: false })
      expect(await core.router.invoke('profiles.delete', appPage, { id: profile.id })).toMatchObject({ ok: true })
      expect(existsSync(keptFile)).toBe(false)
    }
  })
})
