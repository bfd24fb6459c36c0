// The log is appended to at every start and never read back by the app: left alone it grows for as
// long as the app is installed, and its lines (redacted, but naming the account's users, meetings
// and files) stay on disk for as long. At open, a log past its bound becomes main.log.1 (the one
// before it goes) and a new main.log starts, so at most two files' worth stays.
import { chmod, mkdir, mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { fileLogSink, LOG_ROTATE_BYTES } from '../../../main/platform/electron-adapters'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zc-logrotate-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

it('starts a new main.log when the one found is past its bound, the old one becoming main.log.1 in place of an older one', async () => {
  const logs = join(dir, 'logs')
  await mkdir(logs)
  await writeFile(join(logs, 'main.log'), 'the latest lines\n')
  await truncate(join(logs, 'main.log'), LOG_ROTATE_BYTES + 1)
  await writeFile(join(logs, 'main.log.1'), 'lines from long ago\n')
  await chmod(join(logs, 'main.log.1'), 0o644)

  fileLogSink(dir)

  expect((await stat(join(logs, 'main.log'))).size).toBe(0)
  const older = await stat(join(logs, 'main.log.1'))
  expect(older.size).toBe(LOG_ROTATE_BYTES + 1)
  if (process.platform !== 'win32') expect(older.mode & 0o777).toBe(0o600)
  expect((await readFile(join(logs, 'main.log.1'), 'utf8')).startsWith('the latest lines\n')).toBe(true)
})

it('keeps appending to a log within its bound', async () => {
  const logs = join(dir, 'logs')
  await mkdir(logs)
  await writeFile(join(logs, 'main.log'), 'an earlier line\n')

  fileLogSink(dir)

  expect(await readFile(join(logs, 'main.log'), 'utf8')).toBe('an earlier line\n')
  await expect(stat(join(logs, 'main.log.1'))).rejects.toThrow()
})
