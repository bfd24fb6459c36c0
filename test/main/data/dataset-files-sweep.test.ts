// The dataset folders that ended processes left in the temporary folder are removed when the
// next process starts; one that cannot be removed must not stop it from starting. The temporary
// folder is shared by every account of the machine, and a folder of another account's process is
// private to that account (0700 in a sticky /tmp): removing it fails with EACCES, as it would
// here if these tests did not run as root. That failure is emulated on `rmSync` alone, with the
// error Node gives for it (code EACCES); every other call is the real one.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import type * as realFs from 'node:fs'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { processDatasetFiles } from '../../../main/data/datasets/store/dataset-files'

const denied = vi.hoisted(() => new Set<string>())

vi.mock('node:fs', async (original) => {
  const fs = await original<typeof realFs>()
  const rmSync: typeof fs.rmSync = (path, options) => {
    if (denied.has(String(path))) throw Object.assign(new Error(`EACCES: permission denied, rmdir '${String(path)}'`), { code: 'EACCES', errno: -13, syscall: 'rmdir', path: String(path) })
    fs.rmSync(path, options)
  }
  return { ...fs, default: { ...fs, rmSync }, rmSync }
})

async function endedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  await once(child, 'exit')
  return child.pid as number
}

describe('folders of ended processes', () => {
  let base: string
  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'zc-dataset-sweep-'))
  })
  afterAll(async () => {
    await rm(base, { recursive: true, force: true })
  })

  it('are removed where they can be, and one that cannot (another account\'s) does not stop the start', async () => {
    const theirs = join(base, `zoom-connect-datasets-${await endedPid()}`)
    const ours = join(base, `zoom-connect-datasets-${await endedPid()}`)
    for (const folder of [theirs, ours]) {
      await mkdir(join(folder, 'open'), { recursive: true })
      await writeFile(join(folder, 'open', 'left.sqlite'), 'rows')
    }
    denied.add(theirs)
    expect(() => processDatasetFiles(base)).not.toThrow()
    expect(existsSync(ours)).toBe(false)
    expect(existsSync(theirs)).toBe(true)
  })
})
