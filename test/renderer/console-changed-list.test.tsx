// @vitest-environment happy-dom
// A change sent from the console (here DELETE /meetings/{id}) leaves the loaded Meetings list
// showing the old rows: the list says it may be out of date, with a Reload a keyboard reaches.
// A GET, a refused change or a change elsewhere says nothing.
import { screen, waitFor, within } from '@testing-library/react'
import { expect, it } from 'vitest'
import { changeTouchesList } from '../../common/zoom/browse/changed-lists'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

const SCOPES = ['meeting:read:admin', 'meeting:write:admin']

it('says which lists a change may touch', () => {
  expect(changeTouchesList('/users/{userId}/meetings', '/meetings/123')).toBe(true)
  expect(changeTouchesList('/users/{userId}/meetings', 'https://api.zoom.us/v2/users/me/meetings?x=1')).toBe(true)
  expect(changeTouchesList('/users', '/users/abc/status')).toBe(true)
  expect(changeTouchesList('/users/{userId}/meetings', '/webinars/123')).toBe(false)
  expect(changeTouchesList('/phone/users', '/users/abc')).toBe(false)
})

it('notes a change sent from the console on the loaded Meetings list, until it is reloaded', async () => {
  const profile = makeProfile({ name: 'Acme', scopes: SCOPES })
  const { user, fake } = await renderApp({ profiles: [profile], rowCount: 5, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: SCOPES, hasRefreshToken: false, apiUrl: 'https://api.zoom.us' }] })
  await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await user.click(await screen.findByRole('tab', { name: 'Browse' }))
  await user.click(await screen.findByRole('tab', { name: 'Meetings' }))
  await user.click(await screen.findByRole('button', { name: 'Load meetings' }))
  await screen.findByRole('button', { name: 'Reload meetings' })
  const send = async (method: string, path: string, status = 200) => {
    await user.click(screen.getByRole('tab', { name: 'Console' }))
    await screen.findByRole('form', { name: 'Request' })
    await user.selectOptions(screen.getByLabelText('Method'), method)
    const field = screen.getByRole('combobox', { name: 'Path' })
    await user.clear(field)
    await user.type(field, path)
    await user.keyboard('{Escape}')
    if (status !== 200) fake.nextConsoleResponse = { status, statusText: 'Bad Request', headers: [], durationMs: 5, body: '{}', bodyBytes: 2, truncated: false }
    const sent = fake.callsOf('console.send').length
    await user.click(screen.getByRole('button', { name: 'Send' }))
    await waitFor(() => expect(fake.callsOf('console.send')).toHaveLength(sent + 1))
    await screen.findByTestId('response-status')
    await user.click(screen.getByRole('tab', { name: 'Browse' }))
    await screen.findByRole('button', { name: 'Reload meetings' })
  }
  await send('GET', '/meetings/123')
  await send('DELETE', '/webinars/9')
  await send('DELETE', '/meetings/123', 400)
  expect(screen.queryByTestId('changed-in-console')).toBeNull()
  await send('DELETE', '/meetings/123')
  const note = await screen.findByTestId('changed-in-console')
  expect(note.textContent).toContain('Changed in the console since it was loaded')
  const reload = within(note).getByRole('button', { name: 'Reload' })
  expect(reload.tabIndex).toBe(0)
  const crawls = fake.callsOf('data.crawl').length
  await user.click(reload)
  await waitFor(() => expect(fake.callsOf('data.crawl')).toHaveLength(crawls + 1))
  await waitFor(() => expect(screen.queryByTestId('changed-in-console')).toBeNull())
})
