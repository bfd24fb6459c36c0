// @vitest-environment happy-dom
// The users Status select offers "All statuses" (the catalog's expansion of status) and sends it
// as status: 'all'; the main process lists each status and merges them.
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { datePresets } from '../../renderer/features/browse/date-presets'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

describe('browse parameters', () => {
  it('offers "All statuses" for users and sends status all', async () => {
    const profile = makeProfile({ name: 'Acme', scopes: ['user:read:admin'] })
    const { user, fake } = await renderApp({ profiles: [profile], manualJobs: true, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: ['user:read:admin'], hasRefreshToken: false }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    const status = (await screen.findByRole('combobox', { name: 'Status' })) as HTMLSelectElement
    // One option per value: Zoom's default is marked as such, not offered twice.
    expect([...status.options].map((o) => o.textContent)).toEqual(['active (default)', 'inactive', 'pending', 'All statuses'])
    expect(status.value).toBe('')
    await user.selectOptions(status, 'All statuses')
    expect(status.value).toBe('all')
    await user.click(screen.getByRole('button', { name: 'Load users' }))
    await screen.findByRole('progressbar', { name: 'Loading progress' })
    expect(fake.callsOf('data.crawl')).toEqual([expect.objectContaining({ resource: '/users', params: { status: 'all' } })])
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('sends no status when the default is chosen again, as before', async () => {
    const profile = makeProfile({ name: 'Acme', scopes: ['user:read:admin'] })
    const { user, fake } = await renderApp({ profiles: [profile], manualJobs: true, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: ['user:read:admin'], hasRefreshToken: false }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    const status = (await screen.findByRole('combobox', { name: 'Status' })) as HTMLSelectElement
    await user.selectOptions(status, 'inactive')
    await user.selectOptions(status, 'active (default)')
    await user.click(screen.getByRole('button', { name: 'Load users' }))
    await screen.findByRole('progressbar', { name: 'Loading progress' })
    expect(fake.callsOf('data.crawl')).toEqual([expect.objectContaining({ resource: '/users', params: {} })])
  })

  it('starts recordings on the last 30 days, not today only, and offers date presets', async () => {
    const profile = makeProfile({ name: 'Acme', scopes: ['recording:read:admin'] })
    const { user, fake } = await renderApp({ profiles: [profile], manualJobs: true, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: ['recording:read:admin'], hasRefreshToken: false }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    await user.click(await screen.findByRole('tab', { name: 'Cloud recordings' }))
    const presets = datePresets(Date.now())
    const last30 = presets.find((p) => p.id === 'last30')!
    const from = (await screen.findByLabelText('From')) as HTMLInputElement
    expect(from.value).toBe(last30.from)
    expect(from.value).not.toBe(new Date().toISOString().slice(0, 10))
    const group = screen.getByRole('group', { name: 'Date range presets' })
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(['Last 7 days', 'Last 30 days', 'Last 90 days', 'This month', 'Last month', 'Last quarter'])
    await user.click(within(group).getByRole('button', { name: 'Last month' }))
    const lastMonth = presets.find((p) => p.id === 'lastMonth')!
    expect(within(group).getByRole('button', { name: 'Last month' }).getAttribute('aria-pressed')).toBe('true')
    await user.click(screen.getByRole('button', { name: 'Load cloud recordings' }))
    expect(fake.callsOf('data.crawl').at(-1)?.params).toMatchObject({ from: lastMonth.from, to: lastMonth.to })
  })

  it('offers date presets on Meetings (its From and To), so last month’s past meetings are two clicks, and leaves the dates empty until asked', async () => {
    const profile = makeProfile({ name: 'Acme', scopes: ['meeting:read:admin'] })
    const { user, fake } = await renderApp({ profiles: [profile], manualJobs: true, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: ['meeting:read:admin'], hasRefreshToken: false }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    await user.click(await screen.findByRole('tab', { name: 'Meetings' }))
    // Zoom's default lists every scheduled meeting: no date is set until the person picks one.
    expect(((await screen.findByLabelText('From')) as HTMLInputElement).value).toBe('')
    const type = screen.getByRole('combobox', { name: 'Type' }) as HTMLSelectElement
    // Its default is offered once, as the default, and sends no type (Zoom applies its own).
    const typeOptions = [...type.options].map((o) => o.textContent)
    expect(typeOptions[0]).toBe('scheduled (default)')
    expect(typeOptions.filter((t) => t?.startsWith('scheduled'))).toEqual(['scheduled (default)'])
    expect(typeOptions.some((t) => t?.startsWith('Default'))).toBe(false)
    // The hint says which type lists meetings that took place.
    expect(document.getElementById(type.getAttribute('aria-describedby')!)!.textContent).toContain('previous_meetings lists the meetings that took place')
    await user.selectOptions(type, 'previous_meetings')
    const group = screen.getByRole('group', { name: 'Date range presets' })
    await user.click(within(group).getByRole('button', { name: 'Last month' }))
    const lastMonth = datePresets(Date.now()).find((p) => p.id === 'lastMonth')!
    await user.click(screen.getByRole('button', { name: 'Load meetings' }))
    expect(fake.callsOf('data.crawl').at(-1)?.params).toEqual({ type: 'previous_meetings', from: lastMonth.from, to: lastMonth.to })
  })

  it('computes calendar presets across a year boundary in UTC days', () => {
    const jan3 = Date.UTC(2027, 0, 3, 15)
    const byId = Object.fromEntries(datePresets(jan3).map((p) => [p.id, p]))
    expect(byId.lastMonth).toMatchObject({ from: '2026-12-01', to: '2026-12-31' })
    expect(byId.thisMonth).toMatchObject({ from: '2027-01-01', to: '2027-01-03' })
    expect(byId.last7).toMatchObject({ from: '2026-12-28', to: '2027-01-03' })
    expect(byId.last90).toMatchObject({ from: '2026-10-06', to: '2027-01-03' })
    expect(byId.lastQuarter).toMatchObject({ from: '2026-10-01', to: '2026-12-31' })
  })

  it('offers the calendar quarter before this one (an audit’s period), whole, from its first to its last day', () => {
    const quarter = (at: number) => datePresets(at).find((p) => p.id === 'lastQuarter')
    expect(quarter(Date.UTC(2026, 4, 15))).toMatchObject({ label: 'Last quarter', from: '2026-01-01', to: '2026-03-31' })
    expect(quarter(Date.UTC(2026, 3, 1))).toMatchObject({ from: '2026-01-01', to: '2026-03-31' })
    expect(quarter(Date.UTC(2026, 8, 30, 23))).toMatchObject({ from: '2026-04-01', to: '2026-06-30' })
    expect(quarter(Date.UTC(2026, 11, 31))).toMatchObject({ from: '2026-07-01', to: '2026-09-30' })
  })
})
