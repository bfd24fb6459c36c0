// @vitest-environment happy-dom
// A webinar's own lists from its row: the Webinars drawer links to the webinar's registrants (by
// its ID, which names every occurrence) and to who took part (by its UUID, one occurrence), as a
// meeting's drawer links to its participants. Without the links a webinar manager had to copy the
// ID out of the row and find the list under All lists.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ApiOperation } from '../../common/zoom/api/types'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

withGridViewport(500)

const SCOPES = ['user:read:admin', 'webinar:read:admin']

/** A webinar list of Zoom's Meetings.json, trimmed to what Browse reads. */
function webinarList(path: string, summary: string, listKey: string, granular: string): ApiOperation {
  return {
    deprecated: false,
    family: 'api',
    pagination: 'next_page_token',
    method: 'GET',
    path,
    product: 'Meetings',
    operationId: summary,
    summary,
    params: [{ name: 'webinarId', in: 'path', required: true, schema: { type: 'string' }, type: 'string' }],
    scopes: { classic: ['webinar:read:admin'], granular: [granular] },
    listKey,
    rateLabel: 'Medium',
    responseSchema: { type: 'object', properties: { [listKey]: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, email: { type: 'string' } } } } } },
    docsUrl: 'https://developers.zoom.us/docs/api/meetings/',
  }
}

const REGISTRANTS = webinarList('/webinars/{webinarId}/registrants', 'List webinar registrants', 'registrants', 'webinar:read:list_registrants:admin')
const PARTICIPANTS = webinarList('/past_webinars/{webinarId}/participants', 'List webinar participants', 'participants', 'webinar:read:list_past_participants:admin')

async function firstWebinarLinks(options: { manualJobs?: boolean } = {}) {
  const profile = makeProfile({ name: 'Acme', scopes: SCOPES })
  const app = await renderApp({ ...options, profiles: [profile], rowCount: 40, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: SCOPES, hasRefreshToken: false }], apiCatalog: { operations: [REGISTRANTS, PARTICIPANTS] } })
  const { user, fake } = app
  await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await user.click(await screen.findByRole('tab', { name: 'Browse' }))
  await user.click(await screen.findByRole('tab', { name: 'Webinars' }))
  await user.click(await screen.findByRole('button', { name: 'Load webinars' }))
  const loading = [...fake.jobs.values()].find((j) => j.state === 'running')
  if (loading) fake.finishJob(loading.jobId)
  const grid = await screen.findByRole('grid', { name: 'Webinars' })
  await waitFor(() => expect(within(grid).getAllByRole('gridcell')[1]?.textContent).not.toBe(''))
  await user.click(within(grid).getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === '2')!)
  const drawer = await screen.findByRole('dialog', { name: 'Webinar details' })
  const webinars = [...fake.datasets.values()].find((d) => d.info.resource === '/users/{userId}/webinars')!
  const webinar = webinars.row(0) as { id: number; uuid: string }
  return { user, fake, webinar, links: await within(drawer).findByRole('navigation', { name: 'This webinar’s data' }) }
}

describe('a webinar’s details link to its own lists', () => {
  it('Registrants loads the webinar’s registrants by its ID', async () => {
    const { user, fake, webinar, links } = await firstWebinarLinks()
    await user.click(within(links).getByRole('button', { name: 'Registrants' }))
    await waitFor(() => expect(fake.callsOf('data.crawl').at(-1)).toMatchObject({ resource: REGISTRANTS.path, params: { webinarId: String(webinar.id) } }))
    const panel = await screen.findByRole('region', { name: 'List webinar registrants' })
    expect((within(panel).getByLabelText(/^webinarId/) as HTMLInputElement).value).toBe(String(webinar.id))
    expect(screen.queryByRole('dialog', { name: 'Webinar details' })).toBeNull()
  })

  it('Participants loads who took part in that occurrence, by its UUID', async () => {
    const { user, fake, webinar, links } = await firstWebinarLinks()
    await user.click(within(links).getByRole('button', { name: 'Participants' }))
    await waitFor(() => expect(fake.callsOf('data.crawl').at(-1)).toMatchObject({ resource: PARTICIPANTS.path, params: { webinarId: webinar.uuid } }))
    await screen.findByRole('region', { name: 'List webinar participants' })
  })

  it('puts focus on the list it opened while that list loads, never on <body>', async () => {
    // The drawer closes as the link opens the list, and the list's Load button is disabled while it
    // loads: focus had nowhere to go, so a keyboard user started again from the top of the page.
    const { user, fake, links } = await firstWebinarLinks({ manualJobs: true })
    within(links).getByRole('button', { name: 'Registrants' }).focus()
    await user.keyboard('{Enter}')
    const panel = await screen.findByRole('region', { name: 'List webinar registrants' })
    await waitFor(() => expect(fake.callsOf('data.crawl').at(-1)).toMatchObject({ resource: REGISTRANTS.path }))
    const running = [...fake.jobs.values()].find((j) => j.resource === REGISTRANTS.path && j.state === 'running')
    expect(running).toBeDefined()
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: 'List webinar registrants' })))
    fake.finishJob(running!.jobId)
    await within(panel).findByRole('grid')
    expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: 'List webinar registrants' }))
  })
})
