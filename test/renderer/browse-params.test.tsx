// @vitest-environment happy-dom
// The users Status select offers "All statuses" (the catalog's expansion of status) and sends it
// as status: 'all'; the main process lists each status and merges them.
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

describe('browse parameters', () => {
  it('offers "All statuses" for users and sends status all', async () => {
    const profile = makeProfile({ name: 'Acme', scopes: ['user:read:admin'] })
    const { user, fake } = await renderApp({ profiles: [profile], manualJobs: true, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: ['user:read:admin'], hasRefreshToken: false }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    const status = (await screen.findByRole('combobox', { name: 'Status' })) as HTMLSelectElement
    expect([...status.options].map((o) => o.textContent)).toEqual(['Default (active)', 'active', 'inactive', 'pending', 'All statuses'])
    await user.selectOptions(status, 'All statuses')
    expect(status.value).toBe('all')
    await user.click(screen.getByRole('button', { name: 'Load users' }))
    await screen.findByRole('progressbar', { name: 'Loading progress' })
    expect(fake.callsOf('data.crawl')).toEqual([expect.objectContaining({ resource: 'users', params: { status: 'all' } })])
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
