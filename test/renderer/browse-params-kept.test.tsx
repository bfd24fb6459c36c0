// @vitest-environment happy-dom
// A list's parameters outlive its tab: a person who set Meetings to previous_meetings and last
// month, looked at Users and came back must find the form as they left it. Before, the form went
// back to its defaults while the grid still showed the rows loaded with their choices, so the form
// described another list than the one shown, and Reload quietly loaded scheduled meetings.
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { datePresets } from '../../renderer/features/browse/date-presets'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

describe('a list’s parameters', () => {
  it('are kept when the person opens another list, or another tab of the connection, and comes back', async () => {
    const scopes = ['meeting:read:admin', 'user:read:admin']
    const profile = makeProfile({ name: 'Acme', scopes })
    const { user, fake } = await renderApp({ profiles: [profile], manualJobs: true, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: scopes, hasRefreshToken: false }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    await user.click(await screen.findByRole('tab', { name: 'Meetings' }))
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Type' }), 'previous_meetings')
    await user.click(within(screen.getByRole('group', { name: 'Date range presets' })).getByRole('button', { name: 'Last month' }))
    const lastMonth = datePresets(Date.now()).find((p) => p.id === 'lastMonth')!

    // Another list, then another tab of the connection, then back.
    await user.click(screen.getByRole('tab', { name: 'Users' }))
    await screen.findByRole('button', { name: 'Load users' })
    await user.click(screen.getByRole('tab', { name: 'Overview' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    await user.click(await screen.findByRole('tab', { name: 'Meetings' }))

    expect(((await screen.findByRole('combobox', { name: 'Type' })) as HTMLSelectElement).value).toBe('previous_meetings')
    expect((screen.getByLabelText('From') as HTMLInputElement).value).toBe(lastMonth.from)
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe(lastMonth.to)
    await user.click(screen.getByRole('button', { name: 'Load meetings' }))
    expect(fake.callsOf('data.crawl').at(-1)?.params).toEqual({ type: 'previous_meetings', from: lastMonth.from, to: lastMonth.to })
  })

  it('are one list’s own: another list starts on its own defaults', async () => {
    const scopes = ['meeting:read:admin', 'recording:read:admin']
    const profile = makeProfile({ name: 'Acme', scopes })
    const { user } = await renderApp({ profiles: [profile], manualJobs: true, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: scopes, hasRefreshToken: false }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    await user.click(await screen.findByRole('tab', { name: 'Meetings' }))
    await user.click(within(await screen.findByRole('group', { name: 'Date range presets' })).getByRole('button', { name: 'Last month' }))
    await user.click(screen.getByRole('tab', { name: 'Cloud recordings' }))
    const last30 = datePresets(Date.now()).find((p) => p.id === 'last30')!
    expect(((await screen.findByLabelText('From')) as HTMLInputElement).value).toBe(last30.from)
  })
})
