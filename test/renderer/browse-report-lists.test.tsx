// @vitest-environment happy-dom
// Zoom's report lists in "All lists", on the fake bridge: a report per user whose path prefix is
// another report (one that answers only for a date range) takes the Users choice, like the
// Meetings tab, instead of a userId picker that cannot load.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ApiOperation, ApiParam } from '../../common/zoom/api/types'
import { datePresets } from '../../renderer/features/browse/date-presets'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

const DATE_HELP = 'Start date in &#39;yyyy-mm-dd&#39; format. The range defined by the &quot;from&quot; and &quot;to&quot; parameters should be one month. * `past` - All past meetings.'

const dates: ApiParam[] = [
  { name: 'from', in: 'query', required: true, description: DATE_HELP, schema: { type: 'string', format: 'date' }, type: 'string' },
  { name: 'to', in: 'query', required: true, description: 'End date.', schema: { type: 'string', format: 'date' }, type: 'string' },
]

function report(path: string, summary: string, params: ApiParam[]): ApiOperation {
  return {
    deprecated: false,
    family: 'api',
    pagination: 'next_page_token',
    method: 'GET',
    path,
    product: 'Meetings',
    operationId: summary.replace(/\s/g, ''),
    summary,
    params,
    scopes: { classic: ['report:read:admin'], granular: ['report:read:admin'] },
    listKey: path.endsWith('meetings') ? 'meetings' : 'users',
    rateLabel: 'Heavy',
    responseSchema: { type: 'object', properties: { meetings: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, topic: { type: 'string' } } } } } },
    docsUrl: 'https://developers.zoom.us/docs/api/meetings/',
  }
}

const HOSTS = report('/report/users', 'Get active/inactive host reports', dates)
const USER_MEETINGS = report('/report/users/{userId}/meetings', 'Get meeting reports', [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' }, type: 'string' }, ...dates])
const GRANTED = ['user:read:admin', 'report:read:admin']

async function openUserMeetingsReport() {
  const profile = makeProfile({ name: 'Acme', scopes: GRANTED })
  const app = await renderApp({
    profiles: [profile],
    statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: GRANTED, hasRefreshToken: false }],
    apiCatalog: { operations: [HOSTS, USER_MEETINGS] },
  })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Browse' }))
  const picker = await screen.findByRole('combobox', { name: /All lists/ })
  await waitFor(() => expect(screen.getByText(/2 lists of Zoom's API/)).toBeTruthy())
  await app.user.type(picker, '/report/users/{{userId}/meetings')
  await app.user.keyboard('{Enter}')
  const panel = await screen.findByRole('region', { name: 'Get meeting reports' })
  return { ...app, panel }
}

describe('report lists in "All lists"', () => {
  it('offers the Users choice for a user’s meeting report, since the hosts report before it answers only for dates', async () => {
    const { panel } = await openUserMeetingsReport()
    const form = within(panel).getByRole('form', { name: /parameters/ })
    expect(within(form).getByRole('radio', { name: 'Only me' })).toBeTruthy()
    expect(within(form).getByRole('radio', { name: 'Every user' })).toBeTruthy()
    expect(within(form).queryByRole('combobox', { name: /^userId/ })).toBeNull()
  })

  it('shows a parameter’s help from Zoom’s file as text: entities decoded, code marks dropped', async () => {
    const { panel } = await openUserMeetingsReport()
    const from = within(panel).getByLabelText(/^from/)
    const help = document.getElementById(from.getAttribute('aria-describedby')!.split(' ')[0]!)!.textContent
    expect(help).toBe('Start date in \'yyyy-mm-dd\' format. The range defined by the "from" and "to" parameters should be one month. * past - All past meetings.')
  })

  it('starts a report that needs dates on the last 30 days, with the date presets', async () => {
    const { panel, user } = await openUserMeetingsReport()
    const last30 = datePresets(Date.now()).find((p) => p.id === 'last30')!
    expect((within(panel).getByLabelText(/^from/) as HTMLInputElement).value).toBe(last30.from)
    expect((within(panel).getByLabelText(/^to/) as HTMLInputElement).value).toBe(last30.to)
    const group = within(panel).getByRole('group', { name: 'Date range presets' })
    await user.click(within(group).getByRole('button', { name: 'Last month' }))
    const lastMonth = datePresets(Date.now()).find((p) => p.id === 'lastMonth')!
    expect((within(panel).getByLabelText(/^from/) as HTMLInputElement).value).toBe(lastMonth.from)
  })
})
