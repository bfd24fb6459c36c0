// What the repair says is shown in Settings and sent to the window: the names it quotes come from a
// hand-edited file, so a long name, thousands of them, or a text-direction mark in one must not
// make the message unreadable or reorder what follows.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { openProfilesDocument, PROFILES_FILE } from '../../../main/profiles/profiles-document'
import type { DocumentProblem } from '../../../main/store'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zc-settings-report-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function reasonFor(settings: Record<string, unknown>): Promise<string> {
  await writeFile(join(dir, PROFILES_FILE), JSON.stringify({ schemaVersion: 1, data: { profiles: [], settings } }))
  const problems: DocumentProblem[] = []
  await openProfilesDocument(dir, (p) => problems.push(p))
  expect(problems).toHaveLength(1)
  // The file stays, repaired: what Settings shows says a copy was made, not that it was moved.
  expect(problems[0]?.copied).toBe(true)
  return problems[0]?.reason ?? ''
}

it('names a few of many unknown settings, each shortened, and says how many there were', async () => {
  const settings: Record<string, unknown> = { theme: 'dark', ['x'.repeat(100_000)]: 1 }
  for (let i = 0; i < 2000; i += 1) settings[`extra${i}`] = i
  const reason = await reasonFor(settings)
  expect(reason.length).toBeLessThan(1000)
  expect(reason).toContain('2001')
})

it('shows a text-direction mark or line break in a setting’s name as an escape', async () => {
  const reason = await reasonFor({ 'evil\u202Eeman\nline': 1 })
  expect(reason).not.toMatch(/[\u202E\n]/)
  expect(reason).toContain('\\u202E')
})
