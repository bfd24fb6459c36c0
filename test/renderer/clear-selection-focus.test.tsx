// @vitest-environment happy-dom
// "Clear selection" goes away with the selection it clears: a keyboard user who pressed it was
// left on <body>. Focus now goes back to the grid, where rows are selected with Space.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { withGridViewport } from './grid-viewport'
import { renderLoadedRecordings } from './render-app'

withGridViewport(400)

describe('Clear selection and the keyboard', () => {
  it('puts focus back on the grid once Clear selection is pressed', async () => {
    const { user } = await renderLoadedRecordings(12)
    const grid = await screen.findByRole('grid', { name: 'Cloud recordings' })
    await within(grid).findByRole('checkbox', { name: 'Select row 1' })
    grid.focus()
    await user.keyboard(' ')
    await user.keyboard('{ArrowDown} ')
    await screen.findByText('2 selected')
    const clear = screen.getByRole('button', { name: 'Clear selection' })
    clear.focus()
    await user.keyboard('{Enter}')
    await screen.findByText('Select recordings with the checkboxes or Space.')
    await waitFor(() => expect(document.activeElement).toBe(grid))
  })
})
