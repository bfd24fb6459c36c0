// The size limit of a file chosen for an upload, against what Zoom's files document: several
// upload operations take files of up to two gigabytes (Clips' uploadClipFile, Events'
// uploadEventFile, Revenue Accelerator's iq/zra files: "You can only send a maximum of two
// gigabytes"), so a limit below that refuses uploads Zoom accepts. The files here are sparse: their
// size is what stat reports, without writing gigabytes to disk.
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ChosenFiles, MAX_UPLOAD_BYTES } from '../../../main/console'
import { FakeDialogs } from '../../fakes/simple-ports'
import { caught } from '../../support/caught'

const GiB = 1024 * 1024 * 1024
let dir: string

async function sparseFile(name: string, size: number): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, '')
  await truncate(path, size)
  return path
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zc-chosen-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function pick(path: string) {
  const dialogs = new FakeDialogs()
  dialogs.openAnswers.push(path)
  return new ChosenFiles({ dialogs }).pick()
}

describe('the upload size limit', () => {
  it('takes a file of 1.5 GB, which Zoom’s two-gigabyte uploads accept', async () => {
    const path = await sparseFile('clip.mp4', 1.5 * GiB)
    expect(await pick(path)).toMatchObject({ name: 'clip.mp4', size: 1.5 * GiB })
  })

  it('takes a file of exactly two gigabytes and refuses one byte more, saying the limit', async () => {
    expect(MAX_UPLOAD_BYTES).toBe(2 * GiB)
    expect(await pick(await sparseFile('at-limit.mp4', 2 * GiB))).toMatchObject({ size: 2 * GiB })
    const error = await caught(pick(await sparseFile('over.mp4', 2 * GiB + 1)))
    expect(error).toMatchObject({ code: 'VALIDATION' })
    expect(error.message).toContain('up to 2048 MB')
  })
})
