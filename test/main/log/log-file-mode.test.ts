// The log file and its folder are the person's alone, like every other file in the data folder:
// its lines are redacted, but they still name the account's users, meetings and files. One that
// is there already with a wider mode (an older build, a backup restored, a tool that applied the
// umask) is narrowed when the app opens it, not only a new one made 0600.
import { execFileSync } from 'node:child_process'
import { chmod, lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { fileLogSink } from '../../../main/platform/electron-adapters'
import { modeOf } from '../data/document-mode'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zc-logmode-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

it.skipIf(process.platform === 'win32')('narrows a log folder and file that were there with wider modes to 0700 and 0600', async () => {
  const logs = join(dir, 'logs')
  await mkdir(logs)
  await chmod(logs, 0o755)
  await writeFile(join(logs, 'main.log'), 'an earlier line\n')
  await chmod(join(logs, 'main.log'), 0o644)

  fileLogSink(dir)
  expect(await modeOf(logs)).toBe(0o700)
  expect(await modeOf(join(logs, 'main.log'))).toBe(0o600)
  // The earlier lines stay: the file is appended to, never started over.
  expect(await readFile(join(logs, 'main.log'), 'utf8')).toBe('an earlier line\n')
})

it.skipIf(process.platform === 'win32')('never follows a link in place of main.log: the file it names keeps its mode and bytes', async () => {
  const logs = join(dir, 'logs')
  await mkdir(logs)
  const elsewhere = join(dir, 'elsewhere.txt')
  await writeFile(elsewhere, 'not the log\n')
  await chmod(elsewhere, 0o644)
  await symlink(elsewhere, join(logs, 'main.log'))

  const sink = fileLogSink(dir)
  sink.write({ at: '2026-12-08T00:00:00Z', level: 'info', scope: 'test', message: 'a line' })
  // The link is replaced by a log of its own; what it pointed at is untouched.
  expect((await lstat(join(logs, 'main.log'))).isFile()).toBe(true)
  expect(await modeOf(join(logs, 'main.log'))).toBe(0o600)
  expect(await modeOf(elsewhere)).toBe(0o644)
  expect(await readFile(elsewhere, 'utf8')).toBe('not the log\n')
})

it.skipIf(process.platform === 'win32')('starts, without a log, when something that is not a file stands in the log’s place (a FIFO no one reads)', async () => {
  const logs = join(dir, 'logs')
  await mkdir(logs)
  // Opening a FIFO for writing waits for a reader: without O_NONBLOCK the app would never start.
  execFileSync('mkfifo', [join(logs, 'main.log')])
  const sink = fileLogSink(dir)
  expect(() => sink.write({ at: '2026-12-08T00:00:00Z', level: 'info', scope: 'test', message: 'dropped' })).not.toThrow()
  expect((await lstat(join(logs, 'main.log'))).isFIFO()).toBe(true)
})

it('starts, without a log, when the log folder cannot be made (a file named logs in its place)', async () => {
  await writeFile(join(dir, 'logs'), 'not a folder\n')
  let sink: ReturnType<typeof fileLogSink> | undefined
  expect(() => (sink = fileLogSink(dir))).not.toThrow()
  expect(() => sink?.write({ at: '2026-12-08T00:00:00Z', level: 'info', scope: 'test', message: 'dropped' })).not.toThrow()
  expect(await readFile(join(dir, 'logs'), 'utf8')).toBe('not a folder\n')
})

it('starts, without a log, when a folder stands where main.log goes', async () => {
  await mkdir(join(dir, 'logs', 'main.log'), { recursive: true })
  const sink = fileLogSink(dir)
  expect(() => sink.write({ at: '2026-12-08T00:00:00Z', level: 'info', scope: 'test', message: 'dropped' })).not.toThrow()
  expect((await lstat(join(dir, 'logs', 'main.log'))).isDirectory()).toBe(true)
})
