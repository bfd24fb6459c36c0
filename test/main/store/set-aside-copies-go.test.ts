// A damaged history.json or events.json is moved aside as `<name>.corrupt-<time>` (and a migrated
// one leaves `<name>.v<n>.bak`): those copies hold the console's requests (URLs and bodies naming
// the account's users and meetings) and the events settings, and nothing ever deleted them. They now
// go with what they came from: clearing the console's history removes the history's copies, and the
// kept data's expiry (at start, when kept lists are shown, and after Clear kept data) removes those
// older than it. The copies of profiles, settings and the vault are the person's configuration and
// secrets, kept to recover from: they stay.
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { HISTORY_FILE } from '../../../main/console'
import { createCore, type Core } from '../../../main/core'
import { EVENTS_FILE } from '../../../main/events'
import type { SenderInfo } from '../../../main/ipc/router'
import { createFakeAdapters } from '../../fakes/adapters'

const ORIGIN = 'app://zoom-connect'
const sender: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }
const DAY = 24 * 60 * 60 * 1000

let dataDir: string
let core: Core | undefined
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'zc-copies-'))
})
afterEach(async () => {
  await core?.dispose()
  core = undefined
  await rm(dataDir, { recursive: true, force: true })
})

/** A copy of `name` as the store leaves it, last written `daysAgo` days ago. */
async function copy(file: string, daysAgo: number): Promise<string> {
  const path = join(dataDir, file)
  await writeFile(path, '{"schemaVersion":1,"data":{"entries":[{"url":"/users/someone@example.com"}]}}')
  const at = new Date(Date.now() - daysAgo * DAY)
  await utimes(path, at, at)
  return path
}

const start = async () => {
  const { adapters } = createFakeAdapters({ dataDir, real: true })
  core = await createCore(adapters, { trustedOrigins: [ORIGIN] })
  return core
}

it('clearing the console history removes the history’s set-aside copies, and only those', async () => {
  // A damaged history.json found at start: moved aside by the store.
  await writeFile(join(dataDir, HISTORY_FILE), 'not json, but it held requests')
  const migrated = await copy(`${HISTORY_FILE}.v1.bak`, 1)
  const others = [await copy(`${EVENTS_FILE}.corrupt-2026-01-01T000000.000Z`, 1), await copy('profiles.json.corrupt-2026-01-01T000000.000Z', 1), await copy('vault.json.corrupt-2026-01-01T000000.000Z', 1)]
  const app = await start()
  expect((await readdir(dataDir)).filter((name) => name.startsWith(`${HISTORY_FILE}.corrupt-`))).toHaveLength(1)

  expect(await app.router.invoke('console.clearHistory', sender, { profileId: 'any-connection' })).toMatchObject({ ok: true })

  expect((await readdir(dataDir)).filter((name) => name.startsWith(`${HISTORY_FILE}.corrupt-`))).toEqual([])
  expect(existsSync(migrated)).toBe(false)
  for (const path of others) expect(existsSync(path)).toBe(true)
})

it('the kept data’s expiry removes the history’s and events’ copies older than it, not the configuration’s', async () => {
  const old = [await copy(`${HISTORY_FILE}.corrupt-2025-01-01T000000.000Z`, 40), await copy(`${EVENTS_FILE}.corrupt-2025-01-01T000000.000Z`, 40), await copy(`${EVENTS_FILE}.v1.bak`, 40)]
  const recent = await copy(`${EVENTS_FILE}.corrupt-2026-01-01T000000.000Z`, 1)
  const configuration = [await copy('profiles.json.corrupt-2025-01-01T000000.000Z', 40), await copy('vault.json.corrupt-2025-01-01T000000.000Z', 40), await copy('connections.json.v1.bak', 40)]
  const app = await start()

  // Showing the kept lists runs the expiry (30 days by default), as start-up does.
  expect(await app.router.invoke('data.kept', sender, {})).toMatchObject({ ok: true })
  for (const path of old) expect(existsSync(path)).toBe(false)
  expect(existsSync(recent)).toBe(true)
  for (const path of configuration) expect(existsSync(path)).toBe(true)

  // Clear kept data removes those past the expiry too.
  const later = await copy(`${HISTORY_FILE}.corrupt-2025-02-01T000000.000Z`, 40)
  expect(await app.router.invoke('data.clearKept', sender, undefined)).toMatchObject({ ok: true })
  expect(existsSync(later)).toBe(false)
  expect(existsSync(recent)).toBe(true)
  for (const path of configuration) expect(existsSync(path)).toBe(true)
})
