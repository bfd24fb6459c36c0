// @vitest-environment happy-dom
// The console over Zoom's catalog, on the fake bridge: completion by keyboard, the parameter form
// typed from the schema, the docs panel as plain text with the grant's scopes marked, the body
// started from Zoom's example and held back with main's schema differences until "Send anyway",
// and the built-in paths when the catalog is unavailable.
import { screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import type { BodySchemaCheck } from '../../common/contract'
import type { ApiOperation } from '../../common/zoom/api/types'
import { resetConsoleCatalog } from '../../renderer/features/console/use-api-catalog'
import { makeProfile, type FakeOptions } from './fake-bridge'
import { renderApp } from './render-app'

const base = { deprecated: false, family: 'api', pagination: 'none', docsUrl: 'https://developers.zoom.us/docs/api/users/#tag/users/GET/users/{userId}' } as const

const GET_USER: ApiOperation = {
  ...base,
  method: 'GET',
  path: '/users/{userId}',
  product: 'Users',
  operationId: 'user',
  summary: 'Get a user',
  description: 'View a user. <script>window.hacked = true</script><b>Bold</b> and a [link](https://example.com/x).',
  params: [
    { name: 'userId', in: 'path', required: true, schema: { type: 'string' }, type: 'string' },
    { name: 'login_type', in: 'query', required: false, schema: { type: 'integer', enum: [0, 1, 11] }, type: 'integer', enum: [0, 1, 11] },
    { name: 'encrypted_email', in: 'query', required: false, schema: { type: 'boolean', default: false }, type: 'boolean', default: false },
    { name: 'page_size', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 300, default: 30 }, type: 'integer', default: 30 },
    { name: 'from', in: 'query', required: true, schema: { type: 'string', format: 'date' }, type: 'string' },
  ],
  scopes: { classic: ['user:read:admin'], granular: ['user:read:user', 'user:read:user:admin'] },
  rateLabel: 'LIGHT',
}

const CREATE_MEETING: ApiOperation = {
  ...base,
  method: 'POST',
  path: '/users/{userId}/meetings',
  product: 'Meetings',
  operationId: 'meetingCreate',
  summary: 'Create a meeting',
  params: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' }, type: 'string' }],
  requestBody: { contentType: 'application/json', required: true, schema: { type: 'object', required: ['topic'], properties: { topic: { type: 'string' } } }, example: { topic: 'Weekly sync', type: 2 } },
  scopes: { classic: ['meeting:write'], granular: [] },
}

const TOPIC_MISSING: BodySchemaCheck = { operation: { method: 'POST', path: '/users/{userId}/meetings' }, checked: true, issues: [{ path: '$.topic', message: 'is required but missing' }] }

async function openConsole(options: FakeOptions = {}) {
  const p = makeProfile({ name: 'Acme' })
  const app = await renderApp({
    profiles: [p],
    statuses: [{ profileId: p.id, state: 'connected', grantedScopes: ['user:read:user:admin'], hasRefreshToken: false, apiUrl: 'https://api.zoom.us' }],
    ...options,
  })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Console' }))
  await screen.findByRole('form', { name: 'Request' })
  return { ...app, p }
}

const catalog = (checkBody?: (input: { body: string }) => BodySchemaCheck): FakeOptions => ({ apiCatalog: { operations: [GET_USER, CREATE_MEETING], ...(checkBody ? { checkBody } : {}) } })

beforeEach(() => resetConsoleCatalog())

describe('console over Zoom’s catalog', () => {
  it('completes by summary and picks with the keyboard; Escape closes the list', async () => {
    const { user } = await openConsole(catalog())
    const path = screen.getByRole('combobox', { name: 'Path' })
    await user.clear(path)
    await user.type(path, 'get a us')
    const list = await screen.findByRole('listbox', { name: 'Matching operations' })
    await waitFor(() => expect(within(list).getAllByRole('option')[0]!.textContent).toBe('GET /users/{userId} Get a user Users'))
    await user.keyboard('{Escape}')
    expect(path.getAttribute('aria-expanded')).toBe('false')
    await user.keyboard('{ArrowDown}')
    expect(path.getAttribute('aria-activedescendant')).toBe(within(list).getAllByRole('option')[0]!.id)
    await user.keyboard('{Enter}')
    expect((path as HTMLInputElement).value).toBe('/users/{userId}')
    expect((screen.getByLabelText('Method') as HTMLSelectElement).value).toBe('GET')
  })

  it('picking an operation from a typed path keeps its values, and builds a typed form', async () => {
    const { user } = await openConsole(catalog())
    const path = screen.getByRole('combobox', { name: 'Path' })
    await user.clear(path)
    await user.type(path, '/users/me')
    await user.keyboard('{ArrowDown}{Enter}')
    expect((path as HTMLInputElement).value).toBe('/users/{userId}')
    const form = await screen.findByRole('group', { name: 'Parameters' })
    const userId = within(form).getByRole('textbox', { name: 'Path parameter userId' }) as HTMLInputElement
    expect(userId.value).toBe('me')
    expect(userId.getAttribute('aria-required')).toBe('true')
    const loginType = within(form).getByRole('combobox', { name: 'Query parameter login_type' })
    expect(within(loginType).getAllByRole('option').map((o) => o.textContent)).toEqual(['(not set)', '0', '1', '11'])
    expect(within(within(form).getByRole('combobox', { name: 'Query parameter encrypted_email' })).getAllByRole('option').map((o) => o.textContent)).toEqual(['(default: false)', 'true', 'false'])
    const pageSize = within(form).getByRole('spinbutton', { name: 'Query parameter page_size' })
    expect([pageSize.getAttribute('min'), pageSize.getAttribute('max'), pageSize.getAttribute('placeholder')]).toEqual(['1', '300', '30'])
    expect(within(form).getByLabelText('Query parameter from').getAttribute('type')).toBe('date')
    expect(within(form).getByText('from is required')).toBeTruthy()
    await user.selectOptions(loginType, '11')
    await user.type(pageSize, '50')
    expect(screen.getByText('https://api.zoom.us/v2/users/me?login_type=11&page_size=50')).toBeTruthy()
    // The Query tab lists the same rows the form set.
    expect(screen.getByRole('tab', { name: 'Query (2)' })).toBeTruthy()
  })

  it('shows the docs as plain text, the grant’s scopes marked, the rate-limit label and Zoom’s page', async () => {
    const { user, fake } = await openConsole(catalog())
    const path = screen.getByRole('combobox', { name: 'Path' })
    await user.clear(path)
    await user.type(path, '/users/{{userId}')
    const docs = await screen.findByRole('region', { name: 'Get a user' })
    await waitFor(() => expect(within(docs).getByLabelText('Description').textContent).toBe('View a user. window.hacked = trueBold and a link.'))
    expect(docs.querySelector('script, b')).toBeNull()
    expect(within(docs).getByTestId('docs-rate-limit').textContent).toBe('Rate limit: LIGHT')
    const granular = within(docs).getByRole('list', { name: 'Granular scopes' })
    expect(within(granular).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['user:read:user not granted', 'user:read:user:admin granted'])
    expect(within(docs).getByTestId('docs-scope-verdict').textContent).toContain('has one of the scopes')
    await user.click(within(docs).getByRole('link', { name: /Zoom’s documentation/ }))
    await waitFor(() => expect(fake.callsOf('app.openExternal')).toEqual([{ url: GET_USER.docsUrl }]))
  })

  it('starts the body from Zoom’s example and holds back a body with schema differences until Send anyway', async () => {
    const { user, fake } = await openConsole(catalog(({ body }) => (body.includes('"topic"') ? { operation: TOPIC_MISSING.operation, checked: true, issues: [] } : TOPIC_MISSING)))
    await user.selectOptions(screen.getByLabelText('Method'), 'POST')
    const path = screen.getByRole('combobox', { name: 'Path' })
    await user.clear(path)
    await user.type(path, '/users/{{userId}/meetings')
    await user.type(await screen.findByRole('textbox', { name: 'Path parameter userId' }), 'me')
    await user.click(screen.getByRole('tab', { name: 'Body' }))
    const body = screen.getByLabelText('JSON body') as HTMLTextAreaElement
    await waitFor(() => expect(JSON.parse(body.value)).toEqual({ topic: 'Weekly sync', type: 2 }))
    await user.clear(body)
    await user.type(body, '{{"type": 2}')
    await user.click(screen.getByRole('button', { name: 'Send' }))
    const alert = await screen.findByTestId('body-schema-alert')
    expect(alert.textContent).toContain('$.topic: is required but missing')
    expect(fake.callsOf('console.send')).toEqual([])
    await user.click(within(alert).getByRole('button', { name: 'Send anyway' }))
    await waitFor(() => expect(fake.callsOf('console.send')).toEqual([expect.objectContaining({ method: 'POST', url: '/users/me/meetings', body: '{"type": 2}' })]))
    expect(screen.queryByTestId('body-schema-alert')).toBeNull()
  })

  it('suggests the built-in resources when Zoom’s files are unavailable', async () => {
    const { user } = await openConsole()
    await screen.findByTestId('catalog-fallback')
    const path = screen.getByRole('combobox', { name: 'Path' })
    await user.clear(path)
    await user.type(path, 'meetings')
    const list = await screen.findByRole('listbox', { name: 'Matching operations' })
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toContain('GET /users/{userId}/meetings Meetings Built-in')
    expect(screen.queryByRole('group', { name: 'Parameters' })).toBeNull()
  })
})
