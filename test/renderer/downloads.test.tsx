// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { withGridViewport } from './grid-viewport'
import { renderLoadedRecordings } from './render-app'

withGridViewport(400)

describe('recording downloads', () => {
  it('downloads the selected recordings and follows their progress, with cancel and open folder', async () => {
    const { user, fake } = await renderLoadedRecordings(12)
    const grid = await screen.findByRole('grid', { name: 'Cloud recordings' })
    await user.click(await within(grid).findByRole('checkbox', { name: 'Select row 1' }))
    await user.click(within(grid).getByRole('checkbox', { name: 'Select row 2' }))
    await user.click(screen.getByRole('button', { name: 'Download selected' }))
    await waitFor(() => expect(fake.callsOf('downloads.enqueue')).toHaveLength(1))
    expect(fake.callsOf('downloads.enqueue')[0]?.rowIndexes.sort()).toEqual([0, 1])

    const panel = await screen.findByRole('region', { name: 'Downloads' })
    // The cleared selection disables Download selected: focus goes on to the downloads' progress.
    await waitFor(() => expect(document.activeElement).toBe(panel))
    const items = within(panel).getAllByRole('listitem')
    expect(items).toHaveLength(3) // row 0 has one file, row 1 two
    // Topic and file name on the first line (the whole path on hover); type, format, size and state below.
    const [firstItem] = items as [HTMLElement]
    const path = fake.downloads[0]?.relativePath ?? ''
    expect(firstItem.querySelector('[title]')?.getAttribute('title')).toBe(path)
    expect(within(firstItem).getByText(path.split('/').pop() ?? '')).toBeTruthy()
    expect(within(firstItem).getByText(new RegExp(`^[A-Z][a-z ]+ · ${path.split('.').pop()?.toUpperCase()} · .+ of .+ · Waiting$`))).toBeTruthy()
    // Progress pushed by main moves the bars.
    const [first] = fake.downloads
    fake.downloads = fake.downloads.map((d) => (d.id === first?.id ? { ...d, state: 'downloading', received: d.fileSize / 2 } : d))
    fake.emit('downloads.changed', { items: fake.downloads, totalBytes: 1, receivedBytes: 0, active: 3 })
    await waitFor(() => expect(within(panel).getAllByRole('progressbar')[0]?.getAttribute('value')).toBe(String((first?.fileSize ?? 0) / 2)))

    await user.click(within(panel).getAllByRole('button', { name: /^Cancel download of/ })[0] as HTMLElement)
    await waitFor(() => expect(within(panel).getAllByRole('button', { name: /^Retry download of/ })).toHaveLength(1))
    await user.click(within(panel).getByRole('button', { name: 'Open folder' }))
    expect(fake.callsOf('downloads.openFolder')).toEqual([{}])
  })

  it('"Select all N" under a filter selects exactly those N rows, by their indexes from main', async () => {
    const { user, fake } = await renderLoadedRecordings(2_500)
    await user.type(await screen.findByRole('searchbox', { name: 'Filter rows' }), 'weekly sync')
    await waitFor(() => expect(screen.getByTestId('row-count').textContent).toMatch(/^\d+ of 2,500 rows$/))
    const shown = Number(screen.getByTestId('row-count').textContent?.split(' ')[0])
    expect(shown).toBeGreaterThan(0)
    expect(shown).toBeLessThan(2_500)
    await user.click(await screen.findByRole('button', { name: `Select all ${shown}` }))
    expect(await screen.findByText(`${shown} selected`)).toBeTruthy()
    expect(fake.callsOf('data.select').at(-1)).toMatchObject({ filter: { text: 'weekly sync' } })
    // Never by fetching every row's data: no window larger than a grid page.
    expect(fake.callsOf('data.rows').every((r) => r.limit <= 100)).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Download selected' }))
    await waitFor(() => expect(fake.callsOf('downloads.enqueue')).toHaveLength(1))
    const chosen = fake.callsOf('downloads.enqueue')[0]?.rowIndexes ?? []
    expect(chosen).toHaveLength(shown)
    const ds = [...fake.datasets.values()][0]
    expect(chosen.every((i) => String(ds?.row(i).topic).toLowerCase().includes('weekly sync'))).toBe(true)
  })

  it('downloads only the chosen kinds of files, asks for the trash per batch, and shows stalled and cancelled files', async () => {
    const { user, fake } = await renderLoadedRecordings(12)
    const grid = await screen.findByRole('grid', { name: 'Cloud recordings' })
    await user.click(await within(grid).findByRole('checkbox', { name: 'Select row 2' }))
    const kinds = screen.getByRole('group', { name: 'Files to download' })
    for (const label of [/^Audio only/, /^Transcript/, /^Chat/, /^Closed captions/, /^Other files/]) await user.click(within(kinds).getByRole('checkbox', { name: label }))
    await user.click(screen.getByRole('checkbox', { name: /Move each recording to Zoom’s trash/ }))
    await user.click(screen.getByRole('button', { name: 'Download selected' }))
    await waitFor(() => expect(fake.callsOf('downloads.enqueue').at(-1)).toMatchObject({ fileKinds: ['video'], trashAfterVerified: true }))
    const panel = await screen.findByRole('region', { name: 'Downloads' })
    // Row 1 has an MP4, an M4A and a transcript: only the video is queued.
    expect(within(panel).getAllByRole('listitem')).toHaveLength(1)

    const [item] = fake.downloads
    fake.emit('downloads.changed', {
      items: [{ ...item!, state: 'downloading', retrying: { attempt: 2, reason: 'stalled' } }, { ...item!, id: 'other', state: 'cancelled' }],
      totalBytes: item!.fileSize,
      receivedBytes: 0,
      active: 1,
      trash: { waiting: 1, trashed: 0, kept: 0, failed: 0, logFile: 'zoom-trash-log.jsonl' },
    })
    expect(await within(panel).findByText(/Stalled: nothing received for a while — retrying \(attempt 2\)/)).toBeTruthy()
    expect(within(panel).getByText(/Cancelled \(its bytes were deleted\)/)).toBeTruthy()
    expect(screen.getByTestId('trash-status').textContent).toContain('zoom-trash-log.jsonl')
    expect(screen.getByTestId('trash-status').textContent).not.toContain('already in the folder')

    // A recording whose file was in the folder before, not as this app left it, stays in the cloud, and says why.
    fake.emit('downloads.changed', { items: [{ ...item!, state: 'skipped' }], totalBytes: item!.fileSize, receivedBytes: item!.fileSize, active: 0, trash: { waiting: 0, trashed: 0, kept: 1, keptFoundInFolder: 1, failed: 0, logFile: 'zoom-trash-log.jsonl' } })
    await waitFor(() => expect(screen.getByTestId('trash-status').textContent).toContain('1 kept in the cloud (1 with a file that was already in the folder but not downloaded there by this app)'))
  })
})
