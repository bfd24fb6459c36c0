// Deleting a connection deletes its kept lists too (profiles.delete). If that cannot be
// finished (a list that cannot be closed, the app ending mid-way), the person must not be left with
// a deleted connection whose kept Zoom data stays on disk with no connection to delete it from.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createCore, type Core } from '../../../main/core'
import type { SenderInfo } from '../../../main/ipc/router'
import { createFakeAdapters } from '../../fakes/adapters'
import { syntheticUsers, usersResource } from './fixtures'

const ORIGIN = 'app://zoom-connect'
const sender: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }

let dataDir: string | undefined
let core: Core | undefined
afterEach(async () => {
  await core?.dispose()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
  core = dataDir = undefined
})

describe('deleting a connection that has kept lists', () => {
  it('does not delete the connection when its kept lists could not be deleted', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zc-profile-'))
    const { adapters } = createFakeAdapters({ dataDir })
    core = await createCore(adapters, { trustedOrigins: [ORIGIN] })
    expect(await core.router.invoke('vault.setup', sender, { protector: 'os-keychain' })).toMatchObject({ ok: true })
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
    const reply = await core.router.invoke('profiles.delete', sender, { id: profile.id })

    const profileLeft = (await core.credentials.profiles.list()).some((p) => p.id === profile.id)
    // Either nothing happened (the person can delete the connection again) or everything did.
    if (!profileLeft) {
      expect(reply).toMatchObject({ ok: true })
      expect(existsSync(keptFile)).toBe(false)
    } else {
      expect(reply).toMatchObject({ ok: false })
      expect(await core.router.invoke('profiles.delete', sender, { id: profile.id })).toMatchObject({ ok: true })
      expect(existsSync(keptFile)).toBe(false)
    }
  })
})
