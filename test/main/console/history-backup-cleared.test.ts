// history.json keeps a last good copy beside it (history.json.bak, written at each start) to
// restore from if it is damaged. Clearing a connection's history (or deleting the connection)
// emptied history.json but left those requests (URLs and bodies naming the account's users and
// meetings) in the backup until the next start, and a history found damaged then would bring them
// back. The backup now follows the clear.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { HISTORY_FILE } from '../../../main/console'
import { appPage, corePerTest } from '../../fakes/core-per-test'

const scratch = corePerTest('zc-history-bak-')

it('clearing the console history clears it from history.json.bak too', async () => {
  const dataDir = await scratch.folder()
  const first = await scratch.start()
  // Not connected: the request is answered with an error, and recorded all the same.
  expect(await first.router.invoke('console.send', appPage, { profileId: 'p1', method: 'GET', url: '/users/cleared-user@example.com', query: [], headers: [] })).toMatchObject({ ok: true })
  await first.dispose()
  // The next start saves the history as its last good copy.
  const next = await scratch.start()
  expect(await readFile(join(dataDir, `${HISTORY_FILE}.bak`), 'utf8')).toContain('cleared-user@example.com')

  expect(await next.router.invoke('console.clearHistory', appPage, { profileId: 'p1' })).toMatchObject({ ok: true })

  expect(await readFile(join(dataDir, HISTORY_FILE), 'utf8')).not.toContain('cleared-user@example.com')
  expect(await readFile(join(dataDir, `${HISTORY_FILE}.bak`), 'utf8')).not.toContain('cleared-user@example.com')
})
