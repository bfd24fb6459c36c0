// @vitest-environment happy-dom
// A selection holds at most MAX_SELECTED_ROWS rows, the bound the bridge enforces on an export's
// and a download's indexes. "Select all" stays within it, but rows ticked after it (once the
// filter that narrowed it is gone) must not take the selection past it: the page would then send
// a selection the bridge refuses, and the export or download would fail.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { MAX_SELECTED_ROWS, rowIndexesSchema } from '../../common/contract/define'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

withGridViewport(500)

const SCOPES = ['user:read:admin']

describe('the bound of a selection', () => {
  it('a row ticked past 100,000 selected is not added, the page says why, and the export stays within the bound', async () => {
    const profile = makeProfile({ name: 'Acme', scopes: SCOPES })
    // The fake's users are active, active, active, inactive, pending: "active" shows 4 of every 5.
    const { user, fake } = await renderApp({ profiles: [profile], rowCount: 125_000, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: SCOPES, hasRefreshToken: false }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    const grid = await screen.findByRole('grid', { name: 'Users' })
    const filter = screen.getByRole('searchbox', { name: 'Filter rows' })
    await user.type(filter, 'active')
    await user.click(await screen.findByRole('button', { name: 'Select all 100,000' }))
    await screen.findByText(/^100,000 selected/)
    await user.clear(filter)
    await screen.findByText('Filter to 100,000 rows or fewer to select them all.')
    // A pending user: not among the selected.
    const boxes = () => within(grid).getAllByRole('checkbox') as HTMLInputElement[]
    await waitFor(() => expect(boxes().some((box) => !box.checked)).toBe(true))
    const name = boxes().find((box) => !box.checked)!.getAttribute('aria-label')!
    await user.click(within(grid).getByRole('checkbox', { name }))
    expect((within(grid).getByRole('checkbox', { name }) as HTMLInputElement).checked).toBe(false)
    expect(screen.getByText(`100,000 selected (the most one selection holds: clear some rows to select others)`)).toBeTruthy()
    // Unticking a selected row and ticking another still works.
    await user.click(within(grid).getByRole('checkbox', { name: 'Select row 1' }))
    await user.click(within(grid).getByRole('checkbox', { name }))
    expect((within(grid).getByRole('checkbox', { name }) as HTMLInputElement).checked).toBe(true)

    await user.click(screen.getByRole('button', { name: /Export/ }))
    await user.click(await screen.findByRole('menuitem', { name: 'CSV file…' }))
    const dialog = await screen.findByRole('dialog', { name: `Export ${MAX_SELECTED_ROWS.toLocaleString('en')} rows` })
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(fake.lastExport?.rowIndexes).toBeDefined())
    expect(rowIndexesSchema.safeParse(fake.lastExport?.rowIndexes).success).toBe(true)
  }, 60_000)
})
