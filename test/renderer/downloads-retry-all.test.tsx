// @vitest-environment happy-dom
// After Cancel all (or failures): the header says what became of the batch, the "Downloading…"
// notice goes, and Retry all takes back every cancelled or failed file, by mouse or keyboard.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { DownloadItem } from '../../common/contract/index'
import { formatBytes } from '../../renderer/shared/format'
import { withGridViewport } from './grid-viewport'
import { renderLoadedRecordings } from './render-app'

withGridViewport(400)

/** The app with the files of the first three recordings queued through Download selected. */
async function downloadThree() {
  const app = await renderLoadedRecordings(12)
  const grid = await screen.findByRole('grid', { name: 'Cloud recordings' })
  for (const row of [1, 2, 3]) await app.user.click(await within(grid).findByRole('checkbox', { name: `Select row ${row}` }))
  await app.user.click(screen.getByRole('button', { name: 'Download selected' }))
  const panel = await screen.findByRole('region', { name: 'Downloads' })
  return { ...app, panel, summary: () => within(panel).getByTestId('downloads-summary') }
}

const sizeOf = (items: DownloadItem[]) => items.reduce((n, d) => n + d.fileSize, 0)

describe('a cancelled batch', () => {
  it('says what was cancelled and what is on disk, drops the "Downloading" notice, and Retry all starts every file again', async () => {
    const { user, fake, panel, summary } = await downloadThree()
    const files = fake.downloads.length
    expect(await screen.findByText('Downloading the files of 3 recordings')).toBeTruthy()
    expect(summary().textContent).toBe(`0 B of ${formatBytes(sizeOf(fake.downloads))} · ${files} in progress`)
    // The selection went with Download selected: the batch is taken back from the panel instead.
    expect(screen.getByRole('button', { name: 'Download selected' }).hasAttribute('disabled')).toBe(true)

    await user.click(within(panel).getByRole('button', { name: 'Cancel all' }))
    await waitFor(() => expect(summary().textContent).toBe(`Cancelled: ${files} of ${files} files, 0 B of ${formatBytes(sizeOf(fake.downloads))} kept on disk`))
    expect(summary().getAttribute('role')).toBe('status')
    // Gone with the same update, not after the notice's own few seconds on screen.
    expect(screen.queryByText('Downloading the files of 3 recordings')).toBeNull()
    expect(within(panel).queryByRole('button', { name: 'Cancel all' })).toBeNull()

    await user.click(within(panel).getByRole('button', { name: 'Retry all' }))
    expect(fake.callsOf('downloads.retryAll')).toEqual([undefined])
    await waitFor(() => expect(within(panel).getAllByRole('button', { name: /^Cancel download of/ })).toHaveLength(files))
    expect(summary().textContent).toMatch(/ in progress$/)
    expect(within(panel).queryByRole('button', { name: 'Retry all' })).toBeNull()
  })

  it('keeps the keyboard on the batch action: Cancel all becomes Retry all in place, and back', async () => {
    const { user, fake, panel } = await downloadThree()
    within(panel).getByRole('button', { name: 'Cancel all' }).focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Retry all' })))
    await user.keyboard('{Enter}')
    await waitFor(() => expect(fake.callsOf('downloads.retryAll')).toHaveLength(1))
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('button', { name: 'Cancel all' })))
  })

  it('counts files cancelled, failed and complete, and the bytes each leaves on disk', async () => {
    const { fake, panel, summary } = await downloadThree()
    const [a, b, c] = fake.downloads as [DownloadItem, DownloadItem, DownloadItem]
    // Done (whole file on disk), failed after 1,000 bytes (its .part stays for the retry), cancelled (deleted).
    const items: DownloadItem[] = [
      { ...a, state: 'done', received: a.fileSize },
      { ...b, state: 'failed', received: 1000, error: { code: 'NETWORK', message: 'The connection broke off.' } },
      { ...c, state: 'cancelled', received: 0 },
    ]
    fake.emit('downloads.changed', { items, totalBytes: a.fileSize + b.fileSize, receivedBytes: a.fileSize + 1000, active: 0 })
    const total = formatBytes(a.fileSize + b.fileSize + c.fileSize)
    await waitFor(() => expect(summary().textContent).toBe(`Stopped: 1 cancelled and 1 failed of 3 files, ${formatBytes(a.fileSize + 1000)} of ${total} kept on disk`))
    expect(within(panel).getByRole('button', { name: 'Retry all' })).toBeTruthy()

    fake.emit('downloads.changed', { items: items.slice(0, 2), totalBytes: a.fileSize + b.fileSize, receivedBytes: a.fileSize + 1000, active: 0 })
    await waitFor(() => expect(summary().textContent).toBe(`Failed: 1 of 2 files, ${formatBytes(a.fileSize + 1000)} of ${formatBytes(a.fileSize + b.fileSize)} kept on disk`))

    fake.emit('downloads.changed', { items: items.slice(0, 1), totalBytes: a.fileSize, receivedBytes: a.fileSize, active: 0 })
    await waitFor(() => expect(summary().textContent).toBe(`Done: 1 file, ${formatBytes(a.fileSize)}`))
    // Nothing to take back.
    expect(within(panel).queryByRole('button', { name: 'Retry all' })).toBeNull()
  })
})

describe('Download selected that queues nothing', () => {
  it('says so instead of "Downloading…", and keeps the selection', async () => {
    const { user, fake } = await renderLoadedRecordings(12)
    const grid = await screen.findByRole('grid', { name: 'Cloud recordings' })
    await user.click(await within(grid).findByRole('checkbox', { name: 'Select row 2' }))
    // Row 1 has a video, an audio file and a transcript: chat files only leaves nothing to fetch.
    const kinds = screen.getByRole('group', { name: 'Files to download' })
    for (const label of [/^Video/, /^Audio only/, /^Transcript/, /^Closed captions/, /^Other files/]) await user.click(within(kinds).getByRole('checkbox', { name: label }))
    await user.click(screen.getByRole('button', { name: 'Download selected' }))
    await waitFor(() => expect(fake.callsOf('downloads.enqueue')).toHaveLength(1))
    expect(await screen.findByText('No files were queued')).toBeTruthy()
    expect(screen.queryByText(/^Downloading the files of/)).toBeNull()
    expect(screen.getByText('1 selected')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Download selected' }).hasAttribute('disabled')).toBe(false)
  })

  it('while another batch downloads, says its files are already there instead of "Downloading…"', async () => {
    const { user, fake } = await downloadThree()
    const files = fake.downloads.length
    const grid = screen.getByRole('grid', { name: 'Cloud recordings' })
    // Row 2's files are all in the running batch: asking again adds nothing.
    await user.click(within(grid).getByRole('checkbox', { name: 'Select row 2' }))
    await user.click(screen.getByRole('button', { name: 'Download selected' }))
    await waitFor(() => expect(fake.callsOf('downloads.enqueue')).toHaveLength(2))
    expect(await screen.findByText('Already in the downloads')).toBeTruthy()
    expect(screen.queryByText('Downloading the files of 1 recording')).toBeNull()
    expect(fake.downloads).toHaveLength(files)
    expect(screen.getByText('1 selected')).toBeTruthy()
  })
})
