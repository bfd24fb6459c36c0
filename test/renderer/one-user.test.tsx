// @vitest-environment happy-dom
// Finding one user's data: the target picker of per-user tabs (type-ahead from loaded users, a
// whole e-mail looked up at Zoom) and the user drawer's links to that user's meetings and more.
import { screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { ApiOperation } from '../../common/zoom/api/types'
import { useStore } from '../../renderer/store/index'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

withGridViewport(500)

const SCOPES = ['user:read:admin', 'meeting:read:admin', 'recording:read:admin']

/** listPastMeetingParticipants as Zoom's Meetings.json describes it, trimmed to what Browse reads. */
const PAST_PARTICIPANTS: ApiOperation = {
  deprecated: false,
  family: 'api',
  pagination: 'next_page_token',
  method: 'GET',
  path: '/past_meetings/{meetingId}/participants',
  product: 'Meetings',
  operationId: 'listPastMeetingParticipants',
  summary: 'Get past meeting participants',
  params: [{ name: 'meetingId', in: 'path', required: true, schema: { type: 'string' }, type: 'string' }],
  scopes: { classic: ['meeting:read:admin'], granular: ['meeting:read:list_past_participants:admin'] },
  listKey: 'participants',
  rateLabel: 'Medium',
  responseSchema: { type: 'object', properties: { participants: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, user_email: { type: 'string' } } } } } },
  docsUrl: 'https://developers.zoom.us/docs/api/meetings/',
}

async function openBrowse(operations: ApiOperation[] = [PAST_PARTICIPANTS]) {
  const profile = makeProfile({ name: 'Acme', scopes: SCOPES })
  const app = await renderApp({ profiles: [profile], rowCount: 40, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: SCOPES, hasRefreshToken: false }], apiCatalog: { operations } })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Browse' }))
  return app
}

/** Loads Meetings and opens the first meeting's details drawer. */
async function firstMeetingDetails(user: UserEvent): Promise<HTMLElement> {
  await user.click(await screen.findByRole('tab', { name: 'Meetings' }))
  await user.click(await screen.findByRole('button', { name: 'Load meetings' }))
  const grid = await screen.findByRole('grid', { name: 'Meetings' })
  await waitFor(() => expect(within(grid).getAllByRole('gridcell')[1]?.textContent).not.toBe(''))
  await user.click(within(grid).getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === '2')!)
  return screen.findByRole('dialog', { name: 'Meeting details' })
}

describe('one user’s data', () => {
  it('picks one user by part of a name from the loaded users and loads only their meetings', async () => {
    const { user, fake } = await openBrowse()
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    await screen.findByRole('grid', { name: 'Users' })
    await user.click(screen.getByRole('tab', { name: 'Meetings' }))
    await user.click(await screen.findByRole('radio', { name: 'One user' }))
    const box = screen.getByRole('combobox', { name: 'User (e-mail, name or ID)' })
    await user.type(box, 'tanaka')
    const list = await screen.findByRole('listbox', { name: 'Matching users' })
    const options = await within(list).findAllByRole('option')
    expect(options.length).toBeGreaterThan(0)
    const users = [...fake.datasets.values()][0]!
    const first = Array.from({ length: 40 }, (_, i) => users.row(i) as { id: string; email: string; display_name: string }).find((u) => `${u.email} ${u.display_name}`.toLowerCase().includes('tanaka'))!
    expect(options[0]?.textContent).toContain(first.email)
    // The keyboard picks it: Enter chooses the highlighted user and does not load yet.
    await user.keyboard('{Enter}')
    expect(fake.callsOf('data.crawl').filter((c) => c.resource === '/users/{userId}/meetings')).toHaveLength(0)
    expect((box as HTMLInputElement).value).toBe(first.email)
    await user.click(screen.getByRole('button', { name: 'Load meetings' }))
    await waitFor(() => expect(fake.callsOf('data.crawl').at(-1)).toMatchObject({ resource: '/users/{userId}/meetings', users: [first.id] }))
    // Per-user grids show the host's e-mail.
    const grid = await screen.findByRole('grid', { name: 'Meetings' })
    expect(within(grid).getByRole('columnheader', { name: /Host e-mail|Host email/ })).toBeTruthy()
  })

  it('looks a whole e-mail up at Zoom when no loaded list has it, and says so when nobody matches', async () => {
    const { user, fake } = await openBrowse()
    fake.zoomUsers = [{ id: 'zoomOnly42', email: 'solo@example.com', name: 'Solo Person' }]
    await user.click(await screen.findByRole('tab', { name: 'Cloud recordings' }))
    await user.click(await screen.findByRole('radio', { name: 'One user' }))
    const box = screen.getByRole('combobox', { name: 'User (e-mail, name or ID)' })
    await user.type(box, 'nobody@example.com')
    await user.click(screen.getByRole('button', { name: 'Load cloud recordings' }))
    expect(await screen.findByText('No user matches “nobody@example.com”.')).toBeTruthy()
    expect(fake.callsOf('data.crawl')).toHaveLength(0)
    expect(box.getAttribute('aria-invalid')).toBe('true')

    await user.clear(box)
    await user.type(box, 'solo@example.com')
    await user.click(screen.getByRole('button', { name: 'Load cloud recordings' }))
    await waitFor(() => expect(fake.callsOf('data.crawl').at(-1)).toMatchObject({ resource: '/users/{userId}/recordings', users: ['zoomOnly42'] }))
  })

  it('links a user’s details to their meetings: the tab opens for that user and loads', async () => {
    const { user, fake } = await openBrowse()
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    const grid = await screen.findByRole('grid', { name: 'Users' })
    await waitFor(() => expect(within(grid).getAllByRole('gridcell')[1]?.textContent).not.toBe(''))
    const row = within(grid).getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === '3')!
    await user.click(row)
    const drawer = await screen.findByRole('dialog', { name: 'User details' })
    const target = [...fake.datasets.values()][0]!.row(1) as { id: string; email: string }
    const links = await within(drawer).findByRole('navigation', { name: 'This user’s data' })
    expect(within(links).getAllByRole('button').map((b) => b.textContent)).toEqual(['Meetings', 'Webinars', 'Recordings'])
    await user.click(within(links).getByRole('button', { name: 'Meetings' }))
    await waitFor(() => expect(fake.callsOf('data.crawl').at(-1)).toMatchObject({ resource: '/users/{userId}/meetings', users: [target.id] }))
    expect(screen.getByRole('tab', { name: 'Meetings' }).getAttribute('aria-selected')).toBe('true')
    expect((screen.getByRole('combobox', { name: 'User (e-mail, name or ID)' }) as HTMLInputElement).value).toBe(target.email)
    expect(screen.queryByRole('dialog', { name: 'User details' })).toBeNull()
  })

  it('links a meeting’s details to who took part in that occurrence: the list opens with its UUID and loads', async () => {
    const { user, fake } = await openBrowse()
    const drawer = await firstMeetingDetails(user)
    const meetings = [...fake.datasets.values()].find((d) => d.info.resource === '/users/{userId}/meetings')!
    const meeting = meetings.row(0) as { uuid: string }
    const links = await within(drawer).findByRole('navigation', { name: 'This meeting’s data' })
    await user.click(within(links).getByRole('button', { name: 'Participants' }))
    await waitFor(() => expect(fake.callsOf('data.crawl').at(-1)).toMatchObject({ resource: '/past_meetings/{meetingId}/participants', params: { meetingId: meeting.uuid } }))
    const panel = await screen.findByRole('region', { name: 'Get past meeting participants' })
    expect((within(panel).getByLabelText(/^meetingId/) as HTMLInputElement).value).toBe(meeting.uuid)
    expect(screen.queryByRole('dialog', { name: 'Meeting details' })).toBeNull()
  })

  it('says why when Zoom’s files do not describe the participants list, and drops the link’s request', async () => {
    const { user, fake } = await openBrowse([])
    const drawer = await firstMeetingDetails(user)
    await user.click(within(await within(drawer).findByRole('navigation', { name: 'This meeting’s data' })).getByRole('button', { name: 'Participants' }))
    expect((await screen.findByText(/do not describe GET \/past_meetings\/\{meetingId\}\/participants/)).textContent).toBeTruthy()
    await waitFor(() => expect(useStore.getState().browseRequest?.handled).toBe(true))
    expect(fake.callsOf('data.crawl').filter((c) => c.resource === '/past_meetings/{meetingId}/participants')).toEqual([])
  })
})
