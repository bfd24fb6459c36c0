// @vitest-environment happy-dom
// Browse offers SCIM2's users and groups lists from Zoom's own file (SCIM2.json) under "All lists",
// and a picked one opens with `filter` as its query field (startIndex and count are the app's),
// sending the filter to data.crawl.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { buildApiCatalog } from '../../common/zoom/api/parse'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

const GRANTED = ['scim2:admin']

// Zoom's SCIM2 file beside the repository (test/support/zoom-openapi.ts reads them all in Node; this
// test is typed for the renderer, so vite reads the one file it needs). Absent: the test skips.
const scimFile = Object.values(import.meta.glob<unknown>('../../../shared/zoom-openapi/SCIM2.json', { eager: true, import: 'default' }))[0]

describe.skipIf(scimFile === undefined)(scimFile === undefined ? "Browse: SCIM2 lists skipped: Zoom's SCIM2.json is not in ../shared/zoom-openapi" : 'Browse: SCIM2 lists', () => {
  it('offers /scim2/Users and /scim2/Groups, and opens the users list with a filter field that the crawl is sent', async () => {
    const scim = buildApiCatalog([{ product: 'SCIM2', document: scimFile }])
    const profile = makeProfile({ name: 'Acme', scopes: GRANTED })
    const { user, fake } = await renderApp({
      profiles: [profile],
      manualJobs: true,
      statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: GRANTED, hasRefreshToken: false }],
      apiCatalog: { operations: [...scim.operations] },
    })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    const picker = await screen.findByRole('combobox', { name: /All lists/ })
    await user.type(picker, 'scim2')
    const listbox = screen.getByRole('listbox', { name: "Zoom's lists", hidden: true })
    const options = within(listbox).getAllByRole('option')
    expect(options.map((o) => o.querySelector('.mono')?.textContent).sort()).toEqual(['/scim2/Groups', '/scim2/Users'])
    for (const option of options) expect(option.getAttribute('aria-disabled')).toBeNull()

    await user.click(options.find((o) => o.querySelector('.mono')?.textContent === '/scim2/Users')!)
    await waitFor(() => expect(fake.callsOf('catalog.operation')).toEqual([{ method: 'GET', path: '/scim2/Users' }]))
    const panel = await screen.findByRole('region', { name: 'List users' })
    const filter = within(panel).getByLabelText(/^filter/) as HTMLInputElement
    expect(within(panel).queryByLabelText(/^startIndex/)).toBeNull()
    expect(within(panel).queryByLabelText(/^count/)).toBeNull()
    await user.type(filter, 'userName eq "a@b.c"')
    await user.click(within(panel).getByRole('button', { name: /^Load / }))
    await waitFor(() => expect(fake.callsOf('data.crawl')).toEqual([expect.objectContaining({ resource: '/scim2/Users', params: { filter: 'userName eq "a@b.c"' } })]))
  })
})
