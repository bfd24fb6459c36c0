// Console uploads in real Chromium against the sandbox: a profile picture (POST
// /users/{userId}/picture, multipart/form-data) picked from the console's completion, its form
// built from Zoom's schema, the file chosen through main's own open dialog, and the sandbox
// receiving exactly the file's bytes under the documented part name.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../sandbox'
import { chromiumMissingReason } from '../support/chromium'
import { closeBrowser, type Harness } from './harness'
import { expectAccessible, startConsoleHarness } from './ui-helpers'

describe.skipIf(chromiumMissingReason !== undefined)('UI: console uploads (end to end)', () => {
  let zoom: Sandbox
  let harness: Harness
  let dir: string

  beforeAll(async () => {
    zoom = await startSandbox({ seed: 142, users: 10, plan: 'unlimited' })
    dir = await mkdtemp(join(tmpdir(), 'zc-e2e-upload-'))
    harness = await startConsoleHarness(zoom, 'Console uploads')
  })
  afterAll(async () => {
    await harness?.close()
    await zoom?.close()
    await closeBrowser()
    await rm(dir, { recursive: true, force: true })
  })

  it('sends a picture chosen in main’s open dialog as the form Zoom documents, byte for byte', async () => {
    const { page } = harness
    const bytes = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256))
    const picture = join(dir, 'face.png')
    await writeFile(picture, bytes)
    const path = page.getByRole('combobox', { name: 'Path' })
    await path.fill('/users/me/picture')
    // A whole path shows its operations on ArrowDown (the completion reads Zoom's files first);
    // the upload is POST, beside the picture's DELETE.
    const offered = page.getByRole('listbox', { name: 'Matching operations' }).getByRole('option')
    await path.press('ArrowDown')
    await expect.poll(() => offered.filter({ hasText: /POST\s+\/users\/\{userId\}\/picture/ }).count(), { timeout: 15_000 }).toBe(1)
    const at = (await offered.allTextContents()).findIndex((text) => /POST\s+\/users\/\{userId\}\/picture/.test(text))
    const wanted = await offered.nth(at).getAttribute('id')
    // Each ArrowDown moves one option on (the first one pressed may have come before the list).
    for (let i = 0; i <= (await offered.count()) && (await path.getAttribute('aria-activedescendant')) !== wanted; i++) await path.press('ArrowDown')
    expect(await path.getAttribute('aria-activedescendant')).toBe(wanted)
    await path.press('Enter')
    await expect.poll(() => path.inputValue()).toBe('/users/{userId}/picture')
    await page.getByRole('tab', { name: 'Body' }).click()
    const form = page.getByRole('group', { name: 'Form body' })
    await expect.poll(() => form.getByRole('textbox', { name: 'Form field 1 name' }).inputValue()).toBe('pic_file')
    harness.saveDialogAnswers.push(picture)
    await form.getByRole('button', { name: 'Choose file…' }).click()
    await expect.poll(() => page.getByTestId('form-file-pic_file').innerText()).toBe('face.png (2.9 KB)')
    await harness.screenshot('ui-console-upload-01-form')
    await expectAccessible(page, 'console (upload form)')
    await page.getByRole('form', { name: 'Request' }).getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => page.getByTestId('response-status').innerText()).toMatch(/^201\b/)
    const received = zoom.uploads().at(-1)
    expect(received?.operation).toBe('userPicture')
    expect(received?.files).toHaveLength(1)
    expect(received?.files[0]).toMatchObject({ field: 'pic_file', name: 'face.png', type: 'image/png' })
    expect(Buffer.compare(received?.files[0]?.bytes ?? Buffer.alloc(0), bytes)).toBe(0)
    // The page never learns where the file is: only its name and size were shown.
    expect(await page.content()).not.toContain(dir)
  })
})
