// A person edits profiles.json by hand (the app closed) and gets one setting wrong. The app must
// not treat the whole file as damaged: that restored the backup of the last start (dropping the
// connections and settings changed since) or, without one, started with no connection at all.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openProfilesDocument, PROFILES_FILE } from '../../../main/profiles/profiles-document'
import type { DocumentProblem } from '../../../main/store'
import { STORED_PROFILE } from './stored-profile'

const profile = STORED_PROFILE

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zc-settings-edit-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function openWithSettings(settings: Record<string, unknown>) {
  await writeFile(join(dir, PROFILES_FILE), JSON.stringify({ schemaVersion: 1, data: { profiles: [profile], settings } }, null, 2))
  const problems: DocumentProblem[] = []
  const doc = await openProfilesDocument(dir, (p) => problems.push(p))
  return { doc, problems }
}

describe('a hand-edited settings value', () => {
  it.each([
    ['theme', 'purple'],
    ['refreshSkewSeconds', 5],
    ['downloadConcurrency', 20],
    ['rememberZoomSignIn', 'yes'],
    ['checkForUpdatesAtStart', 0],
    ['downloadFolder', 42],
  ])('%s = %j: that setting is back to its default, the connections and other settings are kept', async (key, bad) => {
    const { doc, problems } = await openWithSettings({ theme: 'dark', clipboardClearSeconds: 60, keptDatasetDays: 7, refreshSkewSeconds: 600, downloadConcurrency: 2, [key]: bad })
    const defaults = (await openProfilesDocumentDefaults())[key as 'theme']
    expect(doc.read().profiles.map((p) => p.name)).toEqual(['Kept connection'])
    expect(doc.read().settings[key as 'theme']).toEqual(defaults)
    const kept = { theme: 'dark', clipboardClearSeconds: 60, keptDatasetDays: 7, refreshSkewSeconds: 600, downloadConcurrency: 2 }
    const { [key as 'theme']: _reset, ...others } = kept
    expect(doc.read().settings).toMatchObject(others)
    // Said once, naming the setting; the person's edited file is kept beside it to look at.
    expect(problems).toHaveLength(1)
    expect(problems[0]?.reason).toContain(key)
    expect(problems[0]?.reason).toMatch(/default/)
    expect(problems[0]?.reason).not.toMatch(/starts empty|restored/)
    expect(JSON.parse(await readFile(problems[0]?.movedTo ?? '', 'utf8')).data.settings[key]).toEqual(bad)
  })

  it('a setting this version does not know is dropped with a note, not the whole file', async () => {
    const { doc, problems } = await openWithSettings({ theme: 'dark', fontSize: 14 })
    expect(doc.read().profiles).toHaveLength(1)
    expect(doc.read().settings.theme).toBe('dark')
    expect(problems.map((p) => p.reason).join()).toContain('fontSize')
  })

  it('a value still in range is not reported, and the file is left as it was', async () => {
    const { doc, problems } = await openWithSettings({ theme: 'light', downloadStallSeconds: 90 })
    expect(problems).toEqual([])
    expect(doc.read().settings).toMatchObject({ theme: 'light', downloadStallSeconds: 90 })
    expect((await readdir(dir)).filter((name) => name.includes('corrupt'))).toEqual([])
  })

  it('a file whose connections are damaged is still set aside whole', async () => {
    await writeFile(join(dir, PROFILES_FILE), JSON.stringify({ schemaVersion: 1, data: { profiles: [{ id: 'bad id!' }], settings: { theme: 'purple' } } }))
    const problems: DocumentProblem[] = []
    const doc = await openProfilesDocument(dir, (p) => problems.push(p))
    expect(doc.read().profiles).toEqual([])
    expect(problems).toHaveLength(1)
    expect(problems[0]?.reason).toMatch(/starts empty/)
  })
})

async function openProfilesDocumentDefaults() {
  const fresh = await mkdtemp(join(tmpdir(), 'zc-settings-defaults-'))
  try {
    return (await openProfilesDocument(fresh)).read().settings
  } finally {
    await rm(fresh, { recursive: true, force: true })
  }
}
