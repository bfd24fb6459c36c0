// An export is written to a part file of its own beside the file chosen, then renamed into place.
// A `<file>.part` that is there already (the person's own, or a symlink planted in a shared folder)
// is neither written through nor removed.
import { readFile, mkdtemp, rm, symlink, writeFile, lstat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { exportDataset } from '../../../main/data/export/export-dataset'
import { systemClock } from '../../../main/ports'
import { syntheticUsers, usersResource } from './fixtures'

describe('an export’s .part file', () => {
  let dir: string
  const store = new DatasetStore()
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-export-'))
  })
  afterAll(async () => {
    await store.shutdown()
    await rm(dir, { recursive: true, force: true })
  })

  it('is not followed when it is a symlink', async () => {
    const dataset = store.create('p1', usersResource, Date.now())
    await dataset.add(syntheticUsers(20))
    const chosen = join(dir, 'users.csv')
    const victim = join(dir, 'someone-elses-file.txt')
    await writeFile(victim, 'not yours to overwrite\n')
    await symlink(victim, `${chosen}.part`)
    const dialogs = { chooseSaveFile: async () => chosen, chooseOpenFile: async () => undefined, chooseFolder: async () => undefined, confirm: async () => false }
    const result = await exportDataset({ dialogs, clock: systemClock }, dataset, { format: 'csv' })
    expect(result.rows).toBe(20)
    expect(await readFile(victim, 'utf8')).toBe('not yours to overwrite\n')
    expect((await lstat(chosen)).isSymbolicLink()).toBe(false)
    expect((await lstat(`${chosen}.part`)).isSymbolicLink()).toBe(true)
  })
})
