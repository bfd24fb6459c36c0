// @vitest-environment happy-dom
// A keyboard user who cancels (or retries) one file's download keeps focus on that file's row:
// the Cancel button gives way to Retry in place, instead of vanishing and dropping focus to <body>.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { withGridViewport } from './grid-viewport'
import { renderLoadedRecordings } from './render-app'

withGridViewport(400)

describe('recording downloads and the keyboard', () => {
  it('keeps focus on the file after Cancel (now its Retry) and after Retry (its Cancel again)', async () => {
    const { user, fake } = await renderLoadedRecordings(12)
    const grid = await screen.findByRole('grid', { name: 'Cloud recordings' })
    await user.click(await within(grid).findByRole('checkbox', { name: 'Select row 1' }))
    await user.click(screen.getByRole('button', { name: 'Download selected' }))
    const panel = await screen.findByRole('region', { name: 'Downloads' })
    const name = fake.downloads[0]?.relativePath.split('/').pop() ?? ''

    within(panel).getByRole('button', { name: `Cancel download of ${name}` }).focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('button', { name: `Retry download of ${name}` })))

    await user.keyboard('{Enter}')
    await waitFor(() => expect(fake.callsOf('downloads.retry')).toHaveLength(1))
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('button', { name: `Cancel download of ${name}` })))
  })
})

describe('Clear finished and the keyboard', () => {
  it('puts focus back on the grid when Clear finished empties the Downloads panel', async () => {
    const { user } = await renderLoadedRecordings(12)
    const grid = await screen.findByRole('grid', { name: 'Cloud recordings' })
    await user.click(await within(grid).findByRole('checkbox', { name: 'Select row 1' }))
    await user.click(screen.getByRole('button', { name: 'Download selected' }))
    const panel = await screen.findByRole('region', { name: 'Downloads' })
    await user.click(within(panel).getByRole('button', { name: 'Cancel all' }))
    within(panel).getByRole('button', { name: 'Clear finished' }).focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Downloads' })).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(grid))
  })
})
