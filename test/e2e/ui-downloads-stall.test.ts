// Issue 13, "Downloads", in real Chromium against the sandbox: a recording download that receives
// nothing for a while is marked stalled and resumed by itself with an HTTP Range request; a file
// that failed keeps what it received and Retry resumes it with Range instead of starting again; a
// cancelled file is shown as cancelled and left out of the totals; a recording with a file that did
// not download is never moved to Zoom's trash. The stall timeout is the
// person's setting ("Treat a download as stalled after … seconds"), set here to its few-second
// minimum through the Settings screen, so a stall costs seconds instead of a minute.
//
// The sandbox's 'stall' fault sends half a file's body and then nothing while keeping the
// connection open; its download route answers Range with 206 and Content-Range (see
// test/sandbox/downloads.ts), as Zoom's download URLs do.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOWNLOAD_STALL_SECONDS } from '../../common/contract/settings'
import { formatBytes } from '../../renderer/shared/format'
import { s2sToken } from '../sandbox/testing'
import { chromiumMissingReason } from '../support/chromium'
import { expectAccessible, recordingOfRow, useUiScenario } from './ui-helpers'

interface RecordingFile {
  id: string
  file_size: number
  download_url: string
  status?: string
}
interface RecordingRow {
  uuid: string
  recording_files: RecordingFile[]
}

describe.skipIf(chromiumMissingReason !== undefined)('UI: stalled, retried and cancelled recording downloads (end to end)', () => {
  let folder: string
  let token: string
  const ui = useUiScenario({
    sandbox: { seed: 61, users: 20, plan: 'unlimited' },
    folders: ['zc-e2e-stall-'],
    beforeApp: async () => {
      token = (await s2sToken(ui.zoom)).access_token
      folder = ui.folders[0]!
    },
    connection: { name: 'Stalled downloads', ratePlan: 'business' },
  })
  /** A recording of the loaded grid with at least two downloadable files, and its row number. */
  let row: number
  let recording: RecordingRow

  const downloads = () => ui.page.getByRole('region', { name: 'Downloads' })
  const pathOf = (file: RecordingFile) => new URL(file.download_url).pathname
  /** The list item of one file in the Downloads panel (its name carries the file id's start). */
  const itemOf = (file: RecordingFile) => downloads().getByRole('listitem').filter({ hasText: file.id.slice(0, 12) })

  /** What Zoom serves for the file in one plain GET: what the resumed download must equal byte for byte. */
  async function zoomBytes(file: RecordingFile): Promise<Buffer> {
    const response = await fetch(file.download_url, { headers: { authorization: `Bearer ${token}` } })
    expect(response.status).toBe(200)
    return Buffer.from(await response.arrayBuffer())
  }

  async function onDisk(file: RecordingFile): Promise<Buffer> {
    const { readdir } = await import('node:fs/promises')
    const entries = await readdir(folder, { withFileTypes: true, recursive: true })
    const found = entries.filter((e) => e.isFile() && e.name.includes(file.id.slice(0, 12)) && !e.name.endsWith('.part'))
    expect(found, file.id).toHaveLength(1)
    return readFile(join(found[0]!.parentPath, found[0]!.name))
  }


  async function downloadRow(): Promise<void> {
    const { page } = ui
    const box = page.getByRole('checkbox', { name: `Select row ${row}`, exact: true })
    await box.check()
    await page.getByRole('button', { name: 'Download selected' }).click()
    await box.uncheck()
  }

  it('sets “Treat a download as stalled after” in Settings, refusing a value out of range', async () => {
    const { page } = ui
    await page.getByRole('button', { name: 'Settings', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    const field = page.getByLabel('Treat a download as stalled after (seconds)', { exact: true })
    expect(await field.inputValue()).toBe(String(DOWNLOAD_STALL_SECONDS.default))
    await field.fill('2')
    await field.press('Tab')
    expect(await field.getAttribute('aria-invalid')).toBe('true')
    await page.getByText(`Choose from ${DOWNLOAD_STALL_SECONDS.min} to ${DOWNLOAD_STALL_SECONDS.max} seconds.`).waitFor()
    await ui.harness.screenshot('ui-downloads-stall-01-setting-refused')
    await field.fill(String(DOWNLOAD_STALL_SECONDS.min))
    await field.press('Enter')
    expect(await field.getAttribute('aria-invalid')).toBeNull()
    // Saved by main: the settings in profiles.json (`{ schemaVersion, data }`) say so.
    await expect
      .poll(async () => (JSON.parse(await readFile(join(ui.harness.dataDir, 'profiles.json'), 'utf8')) as { data?: { settings?: { downloadStallSeconds?: number } } }).data?.settings?.downloadStallSeconds)
      .toBe(DOWNLOAD_STALL_SECONDS.min)
    await expectAccessible(page, 'settings (stall timeout)')
  })

  it('marks a transfer that receives nothing as stalled, then resumes it by itself with Range', async () => {
    const { page } = ui
    await page.getByRole('button', { name: 'Stalled downloads', exact: true }).click()
    await page.getByRole('tab', { name: 'Browse' }).click()
    await page.getByRole('tab', { name: 'Cloud recordings' }).click()
    const form = page.getByRole('form', { name: 'Cloud recordings parameters' })
    await form.getByRole('button', { name: 'Last 90 days' }).click()
    await form.getByRole('button', { name: 'Load cloud recordings' }).click()
    await page.locator('.crawl[data-state="done"]').waitFor({ timeout: 30_000 })
    const downloadable = (r: RecordingRow) => r.recording_files.filter((f) => f.download_url && f.status !== 'processing')
    for (row = 1; ; row++) {
      recording = await recordingOfRow<RecordingRow>(page, row)
      if (downloadable(recording).length >= 3) break
    }
    recording = { ...recording, recording_files: downloadable(recording) }
    const [file] = recording.recording_files as [RecordingFile]

    ui.harness.saveDialogAnswers.push(folder)
    // Only this file: every other one in the batch downloads normally.
    ui.zoom.setFaults([{ kind: 'stall', pathPrefix: pathOf(file), count: 1 }])
    ui.zoom.resetStats()
    await downloadRow()
    // Nothing arrives for the set few seconds: shown as stalled while it waits to try again.
    await itemOf(file).and(downloads().locator('li[data-state="retrying"]')).waitFor({ timeout: 20_000 })
    expect(await itemOf(file).innerText()).toContain('Stalled: nothing received for a while')
    await ui.harness.screenshot('ui-downloads-stall-02-stalled-retrying')
    await itemOf(file).and(downloads().locator('li[data-state="done"]')).waitFor({ timeout: 30_000 })
    await expect.poll(() => downloads().locator('li[data-state="done"]').count(), { timeout: 30_000 }).toBe(recording.recording_files.length)

    // The second attempt asked for the rest only (206), and the pieces make the whole file.
    expect(ui.zoom.stats().faults.stall).toBe(1)
    expect(ui.zoom.stats().downloads['206']).toBe(1)
    expect((await onDisk(file)).equals(await zoomBytes(file))).toBe(true)
    await downloads().getByRole('button', { name: 'Clear finished' }).click()
  })

  it('keeps what a failed file received, and Retry resumes it with Range instead of starting again', async () => {
    const file = recording.recording_files[1]!
    await rm(folder, { recursive: true, force: true })
    ui.zoom.setFaults([
      // Half the body, then silence; the queue's own resume then meets a refusal it does not retry.
      { kind: 'stall', pathPrefix: pathOf(file), count: 1 },
      { kind: 'status', status: 404, pathPrefix: pathOf(file), skip: 1, count: 1 },
    ])
    ui.zoom.resetStats()
    ui.harness.saveDialogAnswers.push(folder)
    await downloadRow()
    const failed = itemOf(file).and(downloads().locator('li[data-state="failed"]'))
    await failed.waitFor({ timeout: 30_000 })
    const shown = await failed.innerText()
    // Half of it is on disk, and the row says how much.
    expect(shown).toContain(`${formatBytes(Math.floor(file.file_size / 2))} of ${formatBytes(file.file_size)}`)
    await ui.harness.screenshot('ui-downloads-stall-03-failed-with-part')
    expect(ui.zoom.stats().downloads['206'] ?? 0).toBe(0)

    await failed.getByRole('button', { name: /^Retry download of / }).click()
    await itemOf(file).and(downloads().locator('li[data-state="done"]')).waitFor({ timeout: 30_000 })
    expect(ui.zoom.stats().downloads['206']).toBe(1)
    expect((await onDisk(file)).equals(await zoomBytes(file))).toBe(true)
    await expect.poll(() => downloads().locator('li[data-state="done"]').count(), { timeout: 30_000 }).toBe(recording.recording_files.length)
    await downloads().getByRole('button', { name: 'Clear finished' }).click()
  })

  it('shows a cancelled file as cancelled, its bytes deleted, and the header says what the batch left on disk', async () => {
    const { page } = ui
    const file = recording.recording_files[2]!
    const others = recording.recording_files.filter((f) => f !== file)
    await rm(folder, { recursive: true, force: true })
    // This file never finishes by itself: half its body, then silence, every time.
    ui.zoom.setFaults([{ kind: 'stall', pathPrefix: pathOf(file) }])
    ui.harness.saveDialogAnswers.push(folder)
    await downloadRow()
    await expect.poll(() => downloads().locator('li[data-state="done"]').count(), { timeout: 30_000 }).toBe(others.length)
    await itemOf(file).getByRole('button', { name: /^Cancel download of / }).click()
    const cancelled = itemOf(file).and(downloads().locator('li[data-state="cancelled"]'))
    await cancelled.waitFor()
    expect(await cancelled.innerText()).toContain('Cancelled (its bytes were deleted)')
    const othersBytes = others.reduce((sum, f) => sum + f.file_size, 0)
    const allBytes = othersBytes + file.file_size
    const files = recording.recording_files.length
    await expect.poll(() => downloads().getByRole('status').first().innerText()).toBe(`Cancelled: 1 of ${files} files, ${formatBytes(othersBytes)} of ${formatBytes(allBytes)} kept on disk`)
    await ui.harness.screenshot('ui-downloads-stall-04-cancelled-not-counted')
    await expectAccessible(page, 'downloads (cancelled)')
    ui.zoom.setFaults([])
  })

  it('never moves a recording to Zoom’s trash when one of its files did not download and pass the size check', async () => {
    const { page } = ui
    const file = recording.recording_files[0]!
    await downloads().getByRole('button', { name: 'Clear finished' }).click()
    await rm(folder, { recursive: true, force: true })
    // Zoom refuses this one file (a status the queue does not retry): the recording must stay in the cloud.
    ui.zoom.setFaults([{ kind: 'status', status: 404, pathPrefix: pathOf(file) }])
    ui.zoom.resetStats()
    const trashBox = page.getByRole('checkbox', { name: 'Move each recording to Zoom’s trash once all its files are downloaded and verified' })
    await trashBox.check()
    ui.harness.saveDialogAnswers.push(folder)
    await downloadRow()
    await itemOf(file).and(downloads().locator('li[data-state="failed"]')).waitFor({ timeout: 30_000 })
    await expect.poll(() => downloads().locator('li[data-state="done"]').count(), { timeout: 30_000 }).toBe(recording.recording_files.length - 1)
    await expect.poll(() => downloads().getByTestId('trash-status').innerText()).toContain('1 kept in the cloud')
    expect(await downloads().getByTestId('trash-status').innerText()).toContain('0 moved')
    expect(ui.zoom.stats().api['DELETE /v2/meetings/{meetingId}/recordings']).toBeUndefined()
    // Still in the cloud, not in Zoom's trash.
    const listed = await fetch(`${ui.zoom.url}/v2/meetings/${encodeURIComponent(encodeURIComponent(recording.uuid))}/recordings`, { headers: { authorization: `Bearer ${token}` } })
    expect(listed.status).toBe(200)
    await ui.harness.screenshot('ui-downloads-stall-05-kept-in-cloud')
    await trashBox.uncheck()
    ui.zoom.setFaults([])
  })

  it('opened no page error on the way', () => {
    expect(ui.harness.pageErrors).toEqual([])
  })
})
