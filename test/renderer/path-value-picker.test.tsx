// @vitest-environment happy-dom
// A path parameter of a list opened from "All lists" (`{callQueueId}`, `{roomId}`) is picked from
// its parent list by name: the first page loads when the field opens, more as the person types or
// scrolls, the field shows the name and the crawl gets the id; a typed id is sent as it is, empty
// means fan-out. Combobox keyboard (arrows, Enter, Escape) and the empty, loading and error states.
// The One user field of per-user lists lists the account's users the same way.
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ApiOperation } from '../../common/zoom/api/types'
import type { NamedItem } from '../../common/zoom/browse/item-naming'
import { makeProfile, type FakeOptions } from './fake-bridge'
import { SHAPES } from './fake/rows'
import { renderApp } from './render-app'

function list(path: string, product: string, summary: string, listKey: string): ApiOperation {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1]!, in: 'path' as const, required: true, schema: { type: 'string' }, type: 'string' }))
  return { method: 'GET', path, product, operationId: summary.replace(/\W/g, ''), summary, deprecated: false, params, scopes: { classic: [], granular: [] }, family: 'api', pagination: 'next_page_token', listKey, maxPageSize: 100, docsUrl: 'https://developers.zoom.us/docs/api/' }
}

const OPERATIONS = [
  list('/phone/call_queues', 'Phone', 'List call queues', 'call_queues'),
  list('/phone/call_queues/{callQueueId}/members', 'Phone', 'List call queue members', 'call_queue_members'),
  list('/rooms', 'Rooms', 'List Zoom Rooms', 'rooms'),
  list('/rooms/{roomId}/devices', 'Rooms', 'List Zoom Room devices', 'devices'),
]

const QUEUES: NamedItem[] = [
  { value: 'cq1', name: 'Front desk' },
  { value: 'cq2', name: 'Billing', email: 'billing@example.com' },
  { value: 'cq3', name: 'Support EMEA' },
  { value: 'cq4', name: 'Sales' },
  { value: 'cq5', name: 'Night shift' },
]

async function openList(path: string, options: FakeOptions = {}) {
  const profile = makeProfile({ name: 'Acme' })
  const app = await renderApp({
    profiles: [profile],
    statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: ['phone:read:admin'], hasRefreshToken: false }],
    apiCatalog: { operations: OPERATIONS },
    parentRows: { byParent: { '/phone/call_queues': QUEUES, '/rooms': [] }, pageSize: 3 },
    ...options,
  })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Browse' }))
  const picker = await screen.findByRole('combobox', { name: /All lists/ })
  await waitFor(() => expect(picker.getAttribute('aria-describedby')).toBeTruthy())
  // By its summary: user-event reads braces as keys.
  const summary = OPERATIONS.find((op) => op.path === path)!.summary
  await app.user.type(picker, summary)
  await waitFor(() => expect(optionNames(picker)).toEqual([expect.stringContaining(path)]))
  await app.user.keyboard('{Enter}')
  await screen.findByRole('region', { name: summary })
  return app
}

/** The options of the listbox a combobox controls, as they read. */
const optionNames = (box: HTMLElement) => within(document.getElementById(box.getAttribute('aria-controls')!)!).queryAllByRole('option').map((o) => o.textContent)

describe('path-value picker', () => {
  it('lists call queues when the field opens, finds one on a later page by typing its name, picks it with the keyboard and sends its id', async () => {
    const { user, fake } = await openList('/phone/call_queues/{callQueueId}/members')
    const box = screen.getByRole('combobox', { name: 'callQueueId (call queues)' })
    expect(fake.callsOf('data.pathValues')).toHaveLength(0)
    await user.click(box)
    // The first page at once: three of the five, by name.
    await waitFor(() => expect(optionNames(box)).toEqual(['Front desk · cq1', 'Billing · billing@example.com · cq2', 'Support EMEA · cq3']))
    expect(box.getAttribute('aria-expanded')).toBe('true')
    expect(fake.callsOf('data.pathValues')).toEqual([expect.objectContaining({ resource: '/phone/call_queues/{callQueueId}/members', param: 'callQueueId' })])
    // A name the first page lacks loads the next page.
    await user.type(box, 'night')
    await waitFor(() => expect(optionNames(box)).toEqual(['Night shift · cq5']))
    expect(fake.callsOf('data.pathValues').at(-1)).toMatchObject({ cursor: expect.any(String) })
    // Narrowed by typing: nothing is highlighted yet, and Enter picks the first (the only) match.
    expect(box.getAttribute('aria-activedescendant')).toBeNull()
    await user.keyboard('{Enter}')
    // Enter picks; it does not load.
    expect(fake.callsOf('data.crawl')).toHaveLength(0)
    expect((box as HTMLInputElement).value).toBe('Night shift')
    expect(box.getAttribute('aria-expanded')).toBe('false')
    expect(screen.getByText('Sends callQueueId cq5.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: /^Load / }))
    await waitFor(() => expect(fake.callsOf('data.crawl').at(-1)).toMatchObject({ resource: '/phone/call_queues/{callQueueId}/members', params: { callQueueId: 'cq5' } }))
  })

  it('moves with the arrows (loading more near the end), closes with Escape, and sends a typed id as it is', async () => {
    const { user, fake } = await openList('/phone/call_queues/{callQueueId}/members')
    const box = screen.getByRole('combobox', { name: 'callQueueId (call queues)' })
    await user.click(box)
    await waitFor(() => expect(optionNames(box)).toHaveLength(3))
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(box.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1]!.id)
    // Near the end of the loaded rows the next page comes.
    await waitFor(() => expect(optionNames(box)).toHaveLength(5))
    await user.keyboard('{ArrowUp}')
    expect(box.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0]!.id)
    await user.keyboard('{Escape}')
    expect(box.getAttribute('aria-expanded')).toBe('false')
    expect(document.getElementById(box.getAttribute('aria-controls')!)!.hidden).toBe(true)
    // A whole name typed, not picked, is that queue's id.
    await user.type(box, 'sales')
    expect(screen.getByText('Sends callQueueId cq4.')).toBeTruthy()
    await user.clear(box)
    await user.type(box, 'rawQueue42')
    expect(await screen.findByText('None of the call queues matches “rawQueue42”: it is sent as typed, as an id.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: /^Load / }))
    await waitFor(() => expect(fake.callsOf('data.crawl').at(-1)).toMatchObject({ params: { callQueueId: 'rawQueue42' } }))
    // Empty: every call queue (fan-out), no callQueueId sent. The first load's rows are shown, so the button reloads.
    await user.clear(box)
    await user.click(screen.getByRole('button', { name: /^Reload / }))
    await waitFor(() => expect(fake.callsOf('data.crawl')).toHaveLength(2))
    expect(fake.callsOf('data.crawl').at(-1)?.params).toEqual({})
  })

  it('loads more when the list is scrolled to its end', async () => {
    const { user, fake } = await openList('/phone/call_queues/{callQueueId}/members')
    const box = screen.getByRole('combobox', { name: 'callQueueId (call queues)' })
    await user.click(box)
    await waitFor(() => expect(optionNames(box)).toHaveLength(3))
    fireEvent.scroll(screen.getByRole('listbox', { name: 'call queues' }))
    await waitFor(() => expect(optionNames(box)).toHaveLength(5))
    expect(fake.callsOf('data.pathValues')).toHaveLength(2)
  })

  it('lists the account’s users in the One user field of a per-user list before anything is typed, and picks one with the keyboard', async () => {
    const profile = makeProfile({ name: 'Acme' })
    const { user, fake } = await renderApp({ profiles: [profile], rowCount: 12, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: ['user:read:admin', 'meeting:read:admin'], hasRefreshToken: false }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    await user.click(await screen.findByRole('tab', { name: 'Meetings' }))
    await user.click(await screen.findByRole('radio', { name: 'One user' }))
    const box = screen.getByRole('combobox', { name: 'User (e-mail, name or ID)' })
    await user.click(box)
    await waitFor(() => expect(optionNames(box)).toHaveLength(12))
    expect(fake.callsOf('data.pathValues')).toEqual([expect.objectContaining({ resource: '/users/{userId}/meetings', param: 'userId' })])
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}')
    // The fake's users are the rows a crawl of /users makes there.
    const second = SHAPES.users!.row(1) as { id: string; email: string }
    expect((box as HTMLInputElement).value).toBe(second.email)
    await user.click(screen.getByRole('button', { name: 'Load meetings' }))
    await waitFor(() => expect(fake.callsOf('data.crawl').at(-1)).toMatchObject({ resource: '/users/{userId}/meetings', users: [second.id] }))
  })

  it('says when the parent list has no rows', async () => {
    const { user } = await openList('/rooms/{roomId}/devices')
    await user.click(screen.getByRole('combobox', { name: 'roomId (rooms)' }))
    expect(await screen.findByText('No rooms')).toBeTruthy()
  })

  it('says why the parent list could not load, and Retry loads it', async () => {
    const { user, fake } = await openList('/phone/call_queues/{callQueueId}/members')
    fake.failNext('data.pathValues', 'ZOOM_SCOPE_MISSING', 'Add one of phone:read:list_call_queues:admin, phone:read:admin.')
    const box = screen.getByRole('combobox', { name: 'callQueueId (call queues)' })
    await user.click(box)
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Could not load call queues: Add one of phone:read:list_call_queues:admin, phone:read:admin.')
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
    await user.click(box)
    await waitFor(() => expect(optionNames(box)).toHaveLength(3))
  })
})
