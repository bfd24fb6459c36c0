// @vitest-environment happy-dom
// A load that finishes with no rows says so and what to try, instead of an empty grid: on Meetings
// that Zoom lists scheduled meetings unless Type says otherwise, on a dated list a wider range.
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

async function openBrowse(scopes: string[]) {
  const profile = makeProfile({ name: 'Acme', scopes })
  const app = await renderApp({ profiles: [profile], rowCount: 0, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: scopes, hasRefreshToken: false }] })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Browse' }))
  return app
}

describe('a list loaded with no rows', () => {
  it('says Meetings found nothing and how to list meetings that took place', async () => {
    const { user } = await openBrowse(['meeting:read:admin'])
    await user.click(await screen.findByRole('tab', { name: 'Meetings' }))
    await user.click(screen.getByRole('button', { name: 'Load meetings' }))
    const note = await screen.findByText(/Zoom listed no rows/)
    expect(note.closest('[role="status"]')?.textContent).toContain('choose Type previous_meetings')
    // Once previous_meetings is chosen, the hint turns to the user.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'previous_meetings')
    expect(note.closest('[role="status"]')?.textContent).not.toContain('choose Type previous_meetings')
    expect(note.closest('[role="status"]')?.textContent).toContain('another user')
  })

  it('suggests a wider date range on a dated list', async () => {
    const { user } = await openBrowse(['recording:read:admin'])
    await user.click(await screen.findByRole('tab', { name: 'Cloud recordings' }))
    await user.click(screen.getByRole('button', { name: 'Load cloud recordings' }))
    const note = await screen.findByText(/Zoom listed no rows/)
    expect(note.closest('[role="status"]')?.textContent).toContain('wider date range')
  })
})
