// A process without a data folder keeps its datasets in the system's temporary folder, which
// every account of the machine may write to. Its folder's name is known in advance (it has the
// process id), so another account can make it first, wide open or with links inside: rows would
// then be written, and start-up's emptying done, in a folder someone else controls. The process's
// folder must be one it made itself, new and private.
import { chmod, lstat, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { processDatasetFiles } from '../../../main/data/datasets/store/dataset-files'

let base: string
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'zc-planted-'))
})
afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

it.skipIf(process.platform === 'win32')('never uses a folder planted at its name: it makes a new one, 0700', async () => {
  const planted = join(base, `zoom-connect-datasets-${process.pid}`)
  await mkdir(join(planted, 'open'), { recursive: true })
  await chmod(planted, 0o777)
  await writeFile(join(planted, 'open', 'theirs.txt'), 'not ours to delete')

  const files = processDatasetFiles(base)
  await files.prepareOnce()

  expect(files.root).not.toBe(planted)
  expect(files.openDir.startsWith(`${planted}/`)).toBe(false)
  const made = await lstat(files.root)
  expect(made.isDirectory()).toBe(true)
  expect(made.mode & 0o777).toBe(0o700)
  expect(await readdir(join(planted, 'open'))).toEqual(['theirs.txt'])
})
