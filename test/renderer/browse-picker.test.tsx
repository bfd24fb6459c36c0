// @vitest-environment happy-dom
// Browse's "All lists" picker over Zoom's catalog, on the fake bridge: options grouped by product,
// search across groups, picking by keyboard; a list the grant cannot reach is disabled with the
// exact scopes that would enable it; and a picked list's grid takes its columns from the item
// schema (nested objects flattened), with the column chooser offering the rest.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ApiOperation, JsonSchema } from '../../common/zoom/api/types'
import { curatedList } from '../../common/zoom/browse/names'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

withGridViewport(500)

const base = { deprecated: false, family: 'api', pagination: 'next_page_token', params: [] } as const

function listOf(path: string, product: string, summary: string, listKey: string, item: Record<string, JsonSchema>, scopes: ApiOperation['scopes']): ApiOperation {
  return {
    ...base,
    method: 'GET',
    path,
    product,
    operationId: summary.replace(/\s/g, ''),
    summary,
    scopes,
    listKey,
    rateLabel: 'Medium',
    responseSchema: { type: 'object', properties: { next_page_token: { type: 'string' }, [listKey]: { type: 'array', items: { type: 'object', properties: item } } } },
    docsUrl: `https://developers.zoom.us/docs/api/${product.toLowerCase()}/`,
  }
}

/** 13 leaves once `location` is flattened: one more than the grid shows at first. */
const ROOM_ITEM: Record<string, JsonSchema> = {
  id: { type: 'string' },
  location: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' } } },
  name: { type: 'string' },
  status: { type: 'string' },
  activation_code: { type: 'string' },
  room_id: { type: 'string' },
  tag_ids: { type: 'array', items: { type: 'string' } },
  calendar_name: { type: 'string' },
  device_ip: { type: 'string' },
  camera: { type: 'string' },
  microphone: { type: 'string' },
  speaker: { type: 'string' },
  support_email: { type: 'string' },
}

const ROOMS = listOf('/rooms', 'Rooms', 'List Zoom Rooms', 'rooms', ROOM_ITEM, { classic: ['room:read:admin'], granular: ['zoom_rooms:read:list_rooms:admin'] })
const LOCATIONS = listOf('/rooms/locations', 'Rooms', 'List Zoom Room locations', 'locations', { id: { type: 'string' }, name: { type: 'string' } }, { classic: ['room:read:admin'], granular: ['zoom_rooms:read:list_locations:admin'] })
const CHANNELS = listOf('/chat/users/me/channels', 'TeamChat', 'List user channels', 'channels', { id: { type: 'string' }, name: { type: 'string' } }, { classic: ['chat_channel:read:admin'], granular: ['team_chat:read:list_user_channels:admin'] })
const QUEUES = listOf('/phone/call_queues', 'Phone', 'List call queues', 'call_queues', { id: { type: 'string' }, name: { type: 'string' } }, { classic: ['phone:read:admin'], granular: ['phone:read:list_call_queues:admin'] })

const ACCOUNT_CALLS = listOf('/phone/call_history', 'Phone', 'List account call history', 'call_logs', { id: { type: 'string' } }, { classic: ['phone:read:admin'], granular: [] })
const USER_CALLS = listOf('/phone/users/{userId}/call_history', 'Phone', 'Get user call history', 'call_logs', { id: { type: 'string' } }, { classic: ['phone:read:admin'], granular: [] })
const SITES = listOf('/phone/sites', 'Phone', 'List phone sites and their location', 'sites', { id: { type: 'string' }, name: { type: 'string' } }, { classic: ['phone:read:admin'], granular: ['phone:read:list_sites:admin'] })

const GRANTED = ['user:read:admin', 'room:read:admin', 'chat_channel:read:admin']

async function openBrowse(operations = [ROOMS, LOCATIONS, CHANNELS, QUEUES, SITES], granted = GRANTED) {
  const profile = makeProfile({ name: 'Acme', scopes: granted })
  const app = await renderApp({
    profiles: [profile],
    rowCount: 20,
    statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: granted, hasRefreshToken: false }],
    apiCatalog: { operations },
  })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Browse' }))
  const picker = await screen.findByRole('combobox', { name: /All lists/ })
  await waitFor(() => expect(screen.getByText(`${operations.length} lists of Zoom's API; a path parameter left empty goes over every row of its parent list.`)).toBeTruthy())
  return { ...app, picker }
}

const listbox = () => screen.getByRole('listbox', { name: "Zoom's lists", hidden: true })
const groupNames = () => within(listbox()).queryAllByRole('group').map((g) => g.getAttribute('aria-label'))
const optionPaths = (group: HTMLElement) => within(group).getAllByRole('option').map((o) => o.querySelector('.mono')?.textContent)

describe('"All lists" picker', () => {
  it('finds a list by words in any order across path, summary and product, and says when nothing matches', async () => {
    const { user, picker } = await openBrowse()
    // What a person types: words, not one exact substring ("chat channels" is in no single field).
    await user.type(picker, 'chat channels')
    expect(groupNames()).toEqual(['TeamChat'])
    await user.clear(picker)
    await user.type(picker, 'team chat')
    expect(groupNames()).toEqual(['TeamChat'])
    await user.clear(picker)
    await user.type(picker, 'queues call')
    expect(optionPaths(within(listbox()).getByRole('group', { name: 'Phone' }))).toEqual(['/phone/call_queues'])
    // Nothing matches: the field says so instead of showing nothing at all.
    await user.clear(picker)
    await user.type(picker, 'webhooks of nothing')
    expect(picker.getAttribute('aria-expanded')).toBe('false')
    expect(screen.getByRole('status').textContent).toMatch(/^No list of Zoom’s API matches “webhooks of nothing”/)
  })

  it('groups the lists by product, and a search narrows every group', async () => {
    const { user, picker } = await openBrowse()
    await user.click(picker)
    expect(picker.getAttribute('aria-expanded')).toBe('true')
    expect(groupNames()).toEqual(['Rooms', 'TeamChat', 'Phone'])
    expect(optionPaths(within(listbox()).getByRole('group', { name: 'Rooms' }))).toEqual(['/rooms', '/rooms/locations'])
    expect(optionPaths(within(listbox()).getByRole('group', { name: 'Phone' }))).toEqual(['/phone/call_queues', '/phone/sites'])

    // "location" is in a Rooms path and a Phone summary: both groups keep only those.
    await user.type(picker, 'location')
    expect(groupNames()).toEqual(['Rooms', 'Phone'])
    expect(optionPaths(within(listbox()).getByRole('group', { name: 'Rooms' }))).toEqual(['/rooms/locations'])
    expect(optionPaths(within(listbox()).getByRole('group', { name: 'Phone' }))).toEqual(['/phone/sites'])
    // By product name, and by path.
    await user.clear(picker)
    await user.type(picker, 'teamchat')
    expect(groupNames()).toEqual(['TeamChat'])
    await user.clear(picker)
    await user.type(picker, 'channels')
    expect(groupNames()).toEqual(['TeamChat'])
  })

  it('moves with the arrows and picks with Enter, opening the list by path template', async () => {
    const { user, picker, fake } = await openBrowse()
    await user.click(picker)
    const options = () => within(listbox()).getAllByRole('option')
    // Opened: nothing highlighted yet; the first ↓ highlights the first.
    expect(options().filter((o) => o.getAttribute('aria-selected') === 'true')).toEqual([])
    expect(picker.getAttribute('aria-activedescendant')).toBeNull()
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true')
    expect(picker.getAttribute('aria-activedescendant')).toBe(options()[1]!.id)
    await user.keyboard('{ArrowUp}{ArrowUp}')
    // From the first, up wraps to the last.
    expect(options().at(-1)!.getAttribute('aria-selected')).toBe('true')
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}')
    await waitFor(() => expect(fake.callsOf('catalog.operation')).toEqual([{ method: 'GET', path: '/rooms/locations' }]))
    expect((picker as HTMLInputElement).value).toBe('/rooms/locations')
    expect(picker.getAttribute('aria-expanded')).toBe('false')
    const panel = await screen.findByRole('region', { name: 'List Zoom Room locations' })
    expect(within(panel).getByRole('button', { name: /^Load / })).toBeTruthy()
  })

  it('↓ then Enter after typing opens the list highlighted on top, the one the highlight and aria-activedescendant name', async () => {
    const { user, picker, fake } = await openBrowse([ROOMS, ACCOUNT_CALLS, USER_CALLS], [...GRANTED, 'phone:read:admin'])
    await user.type(picker, 'call_history')
    const options = () => within(listbox()).getAllByRole('option')
    expect(options().map((o) => o.querySelector('.mono')?.textContent)).toEqual(['/phone/call_history', '/phone/users/{userId}/call_history'])
    await user.keyboard('{ArrowDown}')
    const highlighted = options().filter((o) => o.hasAttribute('data-active'))
    expect(highlighted).toEqual([options()[0]])
    expect(picker.getAttribute('aria-activedescendant')).toBe(options()[0]!.id)
    await user.keyboard('{Enter}')
    await waitFor(() => expect(fake.callsOf('catalog.operation')).toEqual([{ method: 'GET', path: '/phone/call_history' }]))
  })

  it('disables a list the grant cannot reach, naming the exact scopes, and neither click nor Enter opens it', async () => {
    const { user, picker, fake } = await openBrowse()
    await user.type(picker, 'call_queues')
    const [queues] = within(listbox()).getAllByRole('option')
    expect(queues!.getAttribute('aria-disabled')).toBe('true')
    expect(queues!.textContent).toContain('needs one of phone:read:list_call_queues:admin, phone:read:admin')
    // The reachable ones are not disabled and say nothing of scopes.
    await user.clear(picker)
    await user.type(picker, '/rooms')
    for (const option of within(listbox()).getAllByRole('option')) {
      expect(option.getAttribute('aria-disabled')).toBeNull()
      expect(option.textContent).not.toContain('needs one of')
    }

    await user.clear(picker)
    await user.type(picker, 'call_queues')
    await user.click(within(listbox()).getByRole('option'))
    await user.keyboard('{Enter}')
    expect(fake.callsOf('catalog.operation')).toEqual([])
    expect(screen.queryByRole('region', { name: 'List call queues' })).toBeNull()
  })
})

describe('columns of a list picked in "All lists"', () => {
  it('come from the item schema, nested objects flattened; the chooser shows and hides the rest, Reset restores', async () => {
    const { user, picker, fake } = await openBrowse()
    await user.type(picker, '/rooms')
    await user.keyboard('{Enter}')
    const panel = await screen.findByRole('region', { name: 'List Zoom Rooms' })
    await user.click(within(panel).getByRole('button', { name: /^Load / }))
    await waitFor(() => expect(fake.callsOf('data.crawl')).toEqual([expect.objectContaining({ resource: '/rooms' })]))
    const grid = await within(panel).findByRole('grid')
    // The data columns: the first header is the selection column's.
    const headers = () => within(grid).getAllByRole('columnheader', { hidden: true }).slice(1).map((h) => h.textContent?.trim())
    // The first twelve leaves in the schema's order, `location` as two dotted columns.
    const firstTwelve = ['Id', 'Location id', 'Location name', 'Name', 'Status', 'Activation code', 'Room id', 'Tag ids', 'Calendar name', 'Device ip', 'Camera', 'Microphone']
    await waitFor(() => expect(headers()).toEqual(firstTwelve))
    await waitFor(() => expect(within(grid).getAllByRole('gridcell').map((c) => c.textContent)).toContain('location.name-0'))

    await user.click(within(panel).getByRole('button', { name: /Columns/ }))
    let menu = await screen.findByRole('menu')
    const support = within(menu).getByRole('menuitemcheckbox', { name: /support_email/ })
    expect(support.getAttribute('aria-checked')).toBe('false')
    expect(within(menu).getByRole('menuitemcheckbox', { name: /location\.name/ }).getAttribute('aria-checked')).toBe('true')
    await user.click(support)
    await waitFor(() => expect(headers()).toEqual([...firstTwelve, 'Support email']))
    await user.click(within(menu).getByRole('menuitemcheckbox', { name: /^Camera/ }))
    await waitFor(() => expect(headers()).toEqual([...firstTwelve.filter((h) => h !== 'Camera'), 'Support email']))
    menu = screen.getByRole('menu')
    await user.click(within(menu).getByRole('menuitem', { name: 'Reset to default columns' }))
    await waitFor(() => expect(headers()).toEqual(firstTwelve))
  })
})

describe('columns of a built-in list', () => {
  it('Reset to default columns brings back the curated columns after the chooser changed them', async () => {
    const { user, fake } = await openBrowse()
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    const grid = await screen.findByRole('grid', { name: 'Users' })
    // The data columns: the first header is the selection column's.
    const headers = () => within(grid).getAllByRole('columnheader', { hidden: true }).slice(1).map((h) => h.textContent?.trim())
    const info = [...fake.datasets.values()][0]!.info
    // The curated labels of the dataset's default columns (main sends the paths, the catalog names them).
    const curated = new Map(curatedList('/users')!.defaultColumns.map((c) => [c.path, c.label]))
    const defaults = info.defaultColumns.map((path) => curated.get(path))
    expect(defaults).not.toContain(undefined)
    await waitFor(() => expect(headers()).toEqual(defaults))

    await user.click(screen.getByRole('button', { name: /Columns/ }))
    const menu = await screen.findByRole('menu')
    const extra = info.availableColumns.find((path) => !info.defaultColumns.includes(path))!
    const item = (path: string) => within(menu).getAllByRole('menuitemcheckbox').find((i) => i.querySelector('.mono')?.textContent === path)!
    await user.click(item(extra))
    await user.click(item('email'))
    await waitFor(() => expect(headers()).toEqual([...defaults.slice(1), curated.get(extra) ?? expect.any(String)]))
    await user.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Reset to default columns' }))
    await waitFor(() => expect(headers()).toEqual(defaults))
  })
})
