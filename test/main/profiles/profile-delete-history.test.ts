// Deleting a connection takes what the app wrote down about it: its console requests in
// history.json (URLs, bodies: the account's users and meetings) go with it, not only its tokens
// and datasets; another connection's requests stay.
import { randomUUID } from 'node:crypto'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { HISTORY_FILE } from '../../../main/console'
import { appPage, corePerTest } from '../../fakes/core-per-test'

const scratch = corePerTest('zc-delete-history-')

it('deleting a connection removes its console requests from history.json', async () => {
  const dataDir = await scratch.folder()
  const core = await scratch.start()
  expect(await core.router.invoke('vault.setup', appPage, { protector: 'os-keychain' })).toMatchObject({ ok: true })
  const create = (name: string) => core.credentials.profiles.create({ fields: { name, grant: 's2s', accountId: 'acct123', clientId: `client-${name}` }, clientSecret: 'not-a-real-secret' })
  const gone = await create('Gone')
  const stays = await create('Stays')
  // Not connected: the request is answered with an error, and recorded all the same.
  for (const profile of [gone, stays]) {
    const reply = await core.router.invoke('console.send', appPage, { profileId: profile.id, method: 'GET', url: `/users/deleted-connection-user-${profile.id}@example.com`, query: [], headers: [] })
    expect(reply).toMatchObject({ ok: true })
  }
  expect(await readFile(join(dataDir, HISTORY_FILE), 'utf8')).toContain(`deleted-connection-user-${gone.id}`)

  expect(await core.router.invoke('profiles.delete', appPage, { id: gone.id })).toMatchObject({ ok: true })

  const text = await readFile(join(dataDir, HISTORY_FILE), 'utf8')
  expect(text).not.toContain(gone.id)
  expect(text).toContain(`deleted-connection-user-${stays.id}`)
})

it('a delete of a connection that is not there (a second click, a stale list) removes nothing: the history’s set-aside copies stay', async () => {
  const dataDir = await scratch.folder()
  // A damaged history.json found at start is moved aside: that copy is all the person has of it.
  await writeFile(join(dataDir, HISTORY_FILE), 'not json, but it held requests')
  const core = await scratch.start()
  const copies = async () => (await readdir(dataDir)).filter((name) => name.startsWith(`${HISTORY_FILE}.corrupt-`))
  expect(await copies()).toHaveLength(1)

  expect(await core.router.invoke('profiles.delete', appPage, { id: randomUUID() })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

  expect(await copies()).toHaveLength(1)
})
