// Start-up removes the dataset folders that processes which no longer run left in the system's
// temporary folder. That folder is every account's: another account can make a folder of the same
// name with the id of a process that ended, or put a link there, and a recursive delete of it
// would then remove (or, through a sub-folder swapped for a link mid-way, reach) what that account
// chooses. Only a real folder this account owns is removed, and links inside it are never followed.
import { spawnSync } from 'node:child_process'
import { chown, lstat, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { processDatasetFiles } from '../../../main/data/datasets/store/dataset-files'

let base: string
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'zc-ended-'))
})
afterEach(async () => {
  await rm(base, { recursive: true, force: true })
})

/** The id of a process that has ended (it ran and exited before this returns). */
function endedPid(): number {
  const ended = spawnSync(process.execPath, ['-e', ''])
  if (ended.pid === undefined) throw new Error('no process was started')
  return ended.pid
}

const exists = (path: string) => lstat(path).then(
  () => true,
  () => false,
)

it.skipIf(process.getuid?.() !== 0)('leaves a folder of an ended process that another account owns', async () => {
  const theirs = join(base, `zoom-connect-datasets-${endedPid()}-abcdef`)
  await mkdir(join(theirs, 'open'), { recursive: true })
  await writeFile(join(theirs, 'open', 'theirs.txt'), 'not ours to delete')
  await chown(join(theirs, 'open', 'theirs.txt'), 4242, 4242)
  await chown(join(theirs, 'open'), 4242, 4242)
  await chown(theirs, 4242, 4242)

  processDatasetFiles(base)

  expect(await readdir(join(theirs, 'open'))).toEqual(['theirs.txt'])
})

it.skipIf(process.platform === 'win32')('leaves a link named like a folder of an ended process, and what it points to', async () => {
  const target = join(base, 'elsewhere')
  await mkdir(target)
  await writeFile(join(target, 'kept.txt'), 'stays')
  const link = join(base, `zoom-connect-datasets-${endedPid()}-ghijkl`)
  await symlink(target, link)

  processDatasetFiles(base)

  expect((await lstat(link)).isSymbolicLink()).toBe(true)
  expect(await readdir(target)).toEqual(['kept.txt'])
})

it.skipIf(process.platform === 'win32')('removes its own folder of an ended process without following the links inside it', async () => {
  const target = join(base, 'elsewhere')
  await mkdir(target)
  await writeFile(join(target, 'kept.txt'), 'stays')
  const ours = join(base, `zoom-connect-datasets-${endedPid()}-mnopqr`)
  await mkdir(join(ours, 'open'), { recursive: true })
  await writeFile(join(ours, 'open', 'rows.sqlite'), 'rows')
  await symlink(target, join(ours, 'open', 'swapped'))
  await symlink(target, join(ours, 'kept'))

  processDatasetFiles(base)

  expect(await exists(ours)).toBe(false)
  expect(await readdir(target)).toEqual(['kept.txt'])
})
