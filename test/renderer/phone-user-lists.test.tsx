// @vitest-environment happy-dom
// One phone user's calls from their row: the Phone users drawer links to that user's call history
// (GET /phone/users/{userId}/call_history), as a user's drawer links to their meetings. Without it
// a phone admin had to copy the user's ID into All lists, or search the account's whole history.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ApiOperation } from '../../common/zoom/api/types'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

withGridViewport(500)

const SCOPES = ['phone:read:admin', 'phone:read:list_call_logs:admin']

/** getUserCallHistory as Zoom's Phone.json describes it, trimmed to what Browse reads. */
const USER_CALL_HISTORY: ApiOperation = {
  deprecated: false,
  family: 'api',
  pagination: 'next_page_token',
  method: 'GET',
  path: '/phone/users/{userId}/call_history',
  product: 'Phone',
  operationId: 'getUserCallHistory',
  summary: "Get user's call history",
  params: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' }, type: 'string' }],
  scopes: { classic: ['phone:read:admin'], granular: ['phone:read:list_call_logs:admin'] },
  listKey: 'call_logs',
  rateLabel: 'Heavy',
  responseSchema: { type: 'object', properties: { call_logs: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, call_result: { type: 'string' } } } } } },
  docsUrl: 'https://developers.zoom.us/docs/api/phone/',
}

/** listPhoneUsers: in Zoom's file it is the parent list of the call history's {userId}. */
const PHONE_USERS: ApiOperation = {
  ...USER_CALL_HISTORY,
  path: '/phone/users',
  operationId: 'listPhoneUsers',
  summary: 'List phone users',
  params: [],
  listKey: 'users',
  responseSchema: { type: 'object', properties: { users: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, email: { type: 'string' } } } } } },
}

describe('a phone user’s details link to their calls', () => {
  it('Call history loads that one user’s call history, by their ID', async () => {
    const profile = makeProfile({ name: 'Acme', scopes: SCOPES })
    const { user, fake } = await renderApp({ profiles: [profile], rowCount: 40, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: SCOPES, hasRefreshToken: false }], apiCatalog: { operations: [PHONE_USERS, USER_CALL_HISTORY] } })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    await user.click(await screen.findByRole('tab', { name: 'Phone users' }))
    await user.click(await screen.findByRole('button', { name: 'Load phone users' }))
    const grid = await screen.findByRole('grid', { name: 'Phone users' })
    await waitFor(() => expect(within(grid).getAllByRole('gridcell')[1]?.textContent).not.toBe(''))
    await user.click(within(grid).getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === '2')!)
    const drawer = await screen.findByRole('dialog', { name: 'Phone user details' })
    const phoneUser = [...fake.datasets.values()].find((d) => d.info.resource === '/phone/users')!.row(0) as { id: string }
    const links = await within(drawer).findByRole('navigation', { name: 'This phone user’s data' })
    await user.click(within(links).getByRole('button', { name: 'Call history' }))
    // That user's calls only: an empty {userId} would fan out over every phone user of the account.
    await waitFor(() => expect(fake.callsOf('data.crawl').at(-1)).toMatchObject({ resource: USER_CALL_HISTORY.path, params: { userId: phoneUser.id } }))
    const panel = await screen.findByRole('region', { name: "Get user's call history" })
    const field = within(panel).getByLabelText(/^userId/) as HTMLInputElement
    expect(field.value).toBe(phoneUser.id)
    // The hint says where the value came from, not that the person typed it.
    const hint = () => document.getElementById(field.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent
    expect(hint()).toBe('Filled in from a phone user’s details in Phone users; sent as the userId.')
    expect(screen.queryByRole('dialog', { name: 'Phone user details' })).toBeNull()
    // Once the person changes it, it is theirs.
    await user.type(field, 'x')
    await waitFor(() => expect(hint()).toContain('sent as the userId'))
    expect(hint()).not.toContain('Filled in')
  })
})
