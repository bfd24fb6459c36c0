// history.json keeps a last good copy beside it (history.json.bak, written at each start) to
// restore from if it is damaged. Clearing a connection's history (or deleting the connection)
// emptied history.json but left those requests (URLs and bodies naming the account's users and
// meetings) in the backup until the next start, and a history found damaged then would bring them
// back. The backup now follows the clear.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { HISTORY_FILE } from '../../../main/console'
import { createCore, type Core } from '../../../main/core'
import type { SenderInfo } from '../../../main/ipc/router'
import { createFakeAdapters } from '../../fakes/adapters'

const ORIGIN = 'app://zoom-connect'
const sender: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }

let dataDir: string | undefined
let core: Core | undefined
afterEach(async () => {
  await core?.dispose()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
  core = dataDir = undefined
})

it('clearing the console history clears it from history.json.bak too', async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'zc-history-bak-'))
  const start = async () => {
    core = await createCore(createFakeAdapters({ dataDir: dataDir! }).adapters, { trustedOrigins: [ORIGIN] })
    return core
  }
  const first = await start()
  // Not connected: the request is answered with an error, and recorded all the same.
  expect(await first.router.invoke('console.send', sender, { profileId: 'p1', method: 'GET', url: '/users/cleared-user@example.com', query: [], headers: [] })).toMatchObject({ ok: true })
  await first.dispose()
  // The next start saves the history as its last good copy.
  const next = await start()
  expect(await readFile(join(dataDir, `${HISTORY_FILE}.bak`), 'utf8')).toContain('cleared-user@example.com')

  expect(await next.router.invoke('console.clearHistory', sender, { profileId: 'p1' })).toMatchObject({ ok: true })

  expect(await readFile(join(dataDir, HISTORY_FILE), 'utf8')).not.toContain('cleared-user@example.com')
  expect(await readFile(join(dataDir, `${HISTORY_FILE}.bak`), 'utf8')).not.toContain('cleared-user@example.com')
})
