// @vitest-environment happy-dom
// "Clear filter" (shown when a filter matches no row) goes away with the filter it clears: a
// keyboard user who pressed it was left on <body>. Focus now goes to the emptied filter field,
// where the next search is typed.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

withGridViewport(400)

describe('Clear filter and the keyboard', () => {
  it('puts focus in the emptied filter field once Clear filter is pressed', async () => {
    const profile = makeProfile({ name: 'Acme', scopes: ['user:read:admin'] })
    const { user } = await renderApp({ profiles: [profile], rowCount: 50, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: ['user:read:admin'], hasRefreshToken: false, expiresAt: Date.now() + 3_600_000 }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    const filter = await screen.findByRole('searchbox', { name: 'Filter rows' })
    await user.type(filter, 'zzz-no-such-row-zzz')
    const clear = await screen.findByRole('button', { name: 'Clear filter' })
    clear.focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Clear filter' })).toBeNull())
    expect((filter as HTMLInputElement).value).toBe('')
    await waitFor(() => expect(document.activeElement).toBe(filter))
  })
})
