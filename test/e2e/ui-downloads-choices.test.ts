// Issue 13, "Finding one user's data" (date presets) and "Downloads" (what admins who bulk-download
// recordings ask for), in real Chromium against the sandbox: the recordings tab starts on the last
// 30 days, not today, with presets; a batch fetches only the file kinds ticked; and "Move to Zoom's
// trash after download", confirmed in main's own dialog, trashes a recording once its files are
// downloaded and verified, with a line per move in zoom-trash-log.jsonl beside the downloads.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { getJson, s2sToken } from '../sandbox/testing'
import { chromiumMissingReason } from '../support/chromium'
import { expectAccessible, recordingOfRow, useUiScenario } from './ui-helpers'

interface RecordingRow {
  uuid: string
  start_time: string
  host_id: string
  recording_files: { id: string; file_type: string }[]
}

const DAY_MS = 86_400_000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

describe.skipIf(chromiumMissingReason !== undefined)('UI: date presets, file kinds and the trash after download (end to end)', () => {
  let kindsFolder: string
  let trashFolder: string
  const ui = useUiScenario({
    sandbox: { seed: 58, users: 30, plan: 'unlimited' },
    folders: ['zc-e2e-kinds-', 'zc-e2e-trash-'],
    beforeApp: async () => void ([kindsFolder, trashFolder] = ui.folders as [string, string]),
    connection: { name: 'Bulk downloads', ratePlan: 'business' },
  })


  it('starts the recordings tab on the last 30 days, not today, and offers presets', async () => {
    const { page } = ui
    await page.getByRole('tab', { name: 'Browse' }).click()
    await page.getByRole('tab', { name: 'Cloud recordings' }).click()
    const form = page.getByRole('form', { name: 'Cloud recordings parameters' })
    const from = form.getByLabel('From', { exact: true })
    const to = form.getByLabel('To', { exact: true })
    const today = Date.now()
    expect(await to.inputValue()).toBe(isoDay(today))
    expect(await from.inputValue()).toBe(isoDay(today - 29 * DAY_MS))
    const presets = form.getByRole('group', { name: 'Date range presets' })
    expect(await presets.getByRole('button', { name: 'Last 30 days' }).getAttribute('aria-pressed')).toBe('true')
    await presets.getByRole('button', { name: 'Last 90 days' }).click()
    expect(await from.inputValue()).toBe(isoDay(today - 89 * DAY_MS))
    expect(await presets.getByRole('button', { name: 'Last 90 days' }).getAttribute('aria-pressed')).toBe('true')
    await presets.getByRole('button', { name: 'Last month' }).click()
    const now = new Date(today)
    expect(await from.inputValue()).toBe(isoDay(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)))
    expect(await to.inputValue()).toBe(isoDay(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)))
    await presets.getByRole('button', { name: 'Last 90 days' }).click()
    await ui.harness.screenshot('ui-downloads-01-date-presets')
    await form.getByRole('button', { name: 'Load cloud recordings' }).click()
    await page.locator('.crawl[data-state="done"]').waitFor({ timeout: 30_000 })
    await expect.poll(async () => Number(await page.getByRole('grid', { name: 'Cloud recordings' }).getAttribute('aria-rowcount'))).toBeGreaterThan(4)
  })

  it('fetches only the file kinds ticked for the batch', async () => {
    const { page } = ui
    // A recording with a video and at least one other file.
    let n = 1
    let recording = await recordingOfRow<RecordingRow>(page, n)
    while (!(recording.recording_files.some((f) => f.file_type === 'MP4') && recording.recording_files.some((f) => f.file_type !== 'MP4'))) recording = await recordingOfRow<RecordingRow>(page, ++n)
    const wanted = recording.recording_files.filter((f) => f.file_type !== 'MP4')

    await page.getByRole('checkbox', { name: 'Video (MP4)' }).uncheck()
    await page.getByRole('checkbox', { name: `Select row ${n}`, exact: true }).check()
    ui.harness.saveDialogAnswers.push(kindsFolder)
    await page.getByRole('button', { name: 'Download selected' }).click()
    const downloads = page.getByRole('region', { name: 'Downloads' })
    await expect.poll(() => downloads.locator('li[data-state="done"]').count(), { timeout: 30_000 }).toBe(wanted.length)
    expect(await downloads.getByRole('listitem').count()).toBe(wanted.length)
    const onDisk = await filesUnder(kindsFolder)
    expect(onDisk.some((path) => path.toLowerCase().endsWith('.mp4'))).toBe(false)
    for (const file of wanted) expect(onDisk.filter((path) => path.includes(file.id.slice(0, 12))), file.id).toHaveLength(1)
    await ui.harness.screenshot('ui-downloads-02-no-video')
    await downloads.getByRole('button', { name: 'Clear finished' }).click()
    await page.getByRole('checkbox', { name: 'Video (MP4)' }).check()
  })

  it('moves a recording to Zoom’s trash once its files are downloaded and verified, after main’s own confirmation, and logs it', async () => {
    const { page } = ui
    const recording = await recordingOfRow<RecordingRow>(page, 1)
    await page.getByRole('checkbox', { name: 'Move each recording to Zoom’s trash once all its files are downloaded and verified' }).check()
    await page.getByText('The app asks you to confirm first.', { exact: false }).waitFor()
    await page.getByRole('checkbox', { name: 'Select row 1', exact: true }).check()
    ui.harness.saveDialogAnswers.push(trashFolder)
    ui.zoom.resetStats()
    await page.getByRole('button', { name: 'Download selected' }).click()
    const downloads = page.getByRole('region', { name: 'Downloads' })
    await expect.poll(() => downloads.locator('li[data-state="done"]').count(), { timeout: 30_000 }).toBe(recording.recording_files.length)

    // main asked in its own dialog (answered by the stand-in's scripted dialog: the confirm button).
    const asked = ui.harness.standin.dialogs.calls.filter((d) => d.kind === 'showMessageBox' && /Zoom’s trash/.test(JSON.stringify(d.options)))
    expect(asked.length).toBe(1)
    const log = join(trashFolder, 'zoom-trash-log.jsonl')
    await expect.poll(async () => (await readFile(log, 'utf8').catch(() => '')).includes(recording.uuid), { timeout: 15_000 }).toBe(true)
    const line = (await readFile(log, 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { meetingUuid?: string; uuid?: string; outcome?: string })
    expect(line.some((entry) => JSON.stringify(entry).includes(recording.uuid) && JSON.stringify(entry).includes('trashed'))).toBe(true)
    expect(ui.zoom.stats().api['DELETE /v2/meetings/{meetingId}/recordings']?.['204']).toBe(1)

    // Zoom has it in its trash now, where it can be restored from.
    const { access_token } = await s2sToken(ui.zoom)
    const day = recording.start_time.slice(0, 10)
    const trashed = (await (await getJson(`${ui.zoom.url}/v2/users/${recording.host_id}/recordings?trash=true&from=${day}&to=${day}`, access_token)).json()) as { meetings: { uuid: string }[] }
    expect(trashed.meetings.map((m) => m.uuid)).toContain(recording.uuid)
    await ui.harness.screenshot('ui-downloads-03-trashed-after-download')
    await expectAccessible(page, 'cloud recordings (trash after download)')
  })

  it('opened no page error on the way', () => {
    expect(ui.harness.pageErrors).toEqual([])
  })
})
