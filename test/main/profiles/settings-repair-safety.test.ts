// The repair of one unusable setting must never leave the person worse off than the store would:
// a file it cannot write back must not stop every start (leaving one more copy aside each time),
// and a copy or write the disk refuses must be told as a store error naming the file, with the
// person's file left as it was.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { openProfilesDocument, PROFILES_FILE } from '../../../main/profiles/profiles-document'
import { StoreError, type DocumentProblem } from '../../../main/store'
import type * as Quarantine from '../../../main/store/quarantine'
import { STORED_PROFILE } from './stored-profile'

const quarantine = vi.hoisted(() => ({ failCopy: false }))
vi.mock('../../../main/store/quarantine', async (importOriginal) => {
  const actual = await importOriginal<typeof Quarantine>()
  return {
    ...actual,
    copyAside: (path: string, now: Date) => (quarantine.failCopy ? Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })) : actual.copyAside(path, now)),
  }
})

const profile = STORED_PROFILE

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zc-settings-safety-'))
  quarantine.failCopy = false
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const copiesAside = async () => (await readdir(dir)).filter((name) => name.includes('.corrupt-'))

it('keeps the connections when the file also holds a value too deeply nested to write back, and does not copy it aside again at the next start', async () => {
  // JSON.parse takes this nesting; JSON.stringify runs out of stack on it. The store ignores
  // anything beside schemaVersion and data, so without the bad theme the file opens.
  const depth = 500_000
  const text = `{"schemaVersion":1,"note":${'['.repeat(depth)}${']'.repeat(depth)},"data":${JSON.stringify({ profiles: [profile], settings: { theme: 'purple' } })}}`
  await writeFile(join(dir, PROFILES_FILE), text)

  for (const start of [1, 2]) {
    const problems: DocumentProblem[] = []
    const doc = await openProfilesDocument(dir, (p) => problems.push(p))
    expect(doc.read().profiles.map((p) => p.name)).toEqual(['Kept connection'])
    expect(doc.read().settings.theme).toBe('system')
    expect(problems).toHaveLength(start === 1 ? 1 : 0)
    expect(await copiesAside()).toHaveLength(1)
  }
})

it('a copy aside the disk refuses stops with a store error naming the file, and changes nothing', async () => {
  const text = JSON.stringify({ schemaVersion: 1, data: { profiles: [profile], settings: { theme: 'purple' } } })
  await writeFile(join(dir, PROFILES_FILE), text)
  quarantine.failCopy = true

  const opening = openProfilesDocument(dir)
  await expect(opening).rejects.toBeInstanceOf(StoreError)
  await expect(opening).rejects.toThrow(PROFILES_FILE)
  expect(await readFile(join(dir, PROFILES_FILE), 'utf8')).toBe(text)
  expect(await copiesAside()).toEqual([])
})
