// @vitest-environment happy-dom
// Browse's actions keep their state in the browse slice: Load's error and the fields main refused
// (per connection and list, so they outlive the panel), a refused Cancel as that same error, Export's pending state (per dataset, ending
// in the slice's notice) and opening a list from "All lists"; Download selected ends in the downloads slice's notice.
import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useStore } from '../../renderer/store/index'
import { datasetKey } from '../../renderer/store/slices/browse'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { holdChannel } from './hold-channel'
import { renderApp, renderLoadedRecordings } from './render-app'

withGridViewport(500)

const SCOPES = ['user:read:admin', 'meeting:read:admin']

async function openBrowse(options: { manualJobs?: boolean } = {}) {
  const profile = makeProfile({ name: 'Acme', scopes: SCOPES })
  const app = await renderApp({ profiles: [profile], rowCount: 60, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: SCOPES, hasRefreshToken: false }], ...options })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Browse' }))
  return { ...app, profile }
}

describe('Browse actions keep their state in the browse slice', () => {
  it('a failed Load’s error and the fields main refused are still shown after leaving the tab and coming back', async () => {
    const { user, fake, profile } = await openBrowse()
    fake.failNext('data.crawl', 'VALIDATION', 'Some fields need attention.', { issues: [{ path: 'params.status', message: 'Status must be active, inactive or pending.' }] })
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Some fields need attention.')
    expect(screen.getByText('Status must be active, inactive or pending.')).toBeTruthy()
    expect(useStore.getState().listLoads[datasetKey(profile.id, '/users')]).toEqual({ starting: false, error: 'Some fields need attention.', fieldErrors: { status: 'Status must be active, inactive or pending.' } })

    // The Users panel goes away with its tab; what it shows comes back from the slice.
    await user.click(screen.getByRole('tab', { name: 'Meetings' }))
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load users' })).toBeNull())
    expect(screen.queryByText('Some fields need attention.')).toBeNull()
    await user.click(screen.getByRole('tab', { name: 'Users' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Some fields need attention.')
    expect(screen.getByText('Status must be active, inactive or pending.')).toBeTruthy()

    // The next Load clears both.
    await user.click(screen.getByRole('button', { name: 'Load users' }))
    await screen.findByRole('grid', { name: 'Users' })
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.queryByText('Status must be active, inactive or pending.')).toBeNull()
    expect(useStore.getState().listLoads[datasetKey(profile.id, '/users')]).toEqual({ starting: false, fieldErrors: {} })
  })

  it('a Cancel main refuses shows as the list’s load error, kept in the slice, and the crawl stays cancellable', async () => {
    const { user, fake, profile } = await openBrowse({ manualJobs: true })
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    await waitFor(() => expect(fake.jobs.size).toBe(1))
    fake.failNext('data.cancel', 'NOT_FOUND', 'No crawl has that id.')
    await user.click(await screen.findByRole('button', { name: 'Cancel loading' }))
    expect((await screen.findByRole('alert')).textContent).toBe('No crawl has that id.')
    expect(useStore.getState().listLoads[datasetKey(profile.id, '/users')]).toEqual({ starting: false, error: 'No crawl has that id.', fieldErrors: {} })
    expect(screen.getByRole('button', { name: 'Cancel loading' })).toBeTruthy()
  })

  it('Export is disabled while its dataset is being written, and ends in the slice’s notice', async () => {
    const { user, fake, profile } = await openBrowse()
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    await screen.findByRole('grid', { name: 'Users' })
    const datasetId = useStore.getState().datasets[datasetKey(profile.id, '/users')]!.datasetId
    const exportButton = screen.getByRole('button', { name: /Export/ }) as HTMLButtonElement
    const hold = holdChannel(fake, 'data.export')
    await user.click(exportButton)
    await user.click(await screen.findByRole('menuitem', { name: 'CSV file…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Export 60 rows' })
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }))

    await waitFor(() => expect(useStore.getState().exporting[datasetId]).toBe(true))
    expect(exportButton.disabled).toBe(true)
    expect(exportButton.textContent).toContain('Exporting…')
    hold.release()
    expect(await screen.findByText('Exported 60 rows')).toBeTruthy()
    expect(useStore.getState().exporting[datasetId]).toBeUndefined()
    expect(exportButton.disabled).toBe(false)

    fake.failNext('data.export', 'EXPORT_FAILED', 'The file could not be written.')
    await useStore.getState().exportToFile(datasetId, { format: 'csv', values: 'labels', excel: false })
    expect(await screen.findByText('Export failed')).toBeTruthy()
    expect(screen.getByText('The file could not be written.')).toBeTruthy()
  })

  it('an export under way shows how far it got, and Cancel stops it by its call, ending in a notice that it was cancelled', async () => {
    const { user, fake, profile } = await openBrowse()
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    await screen.findByRole('grid', { name: 'Users' })
    const datasetId = useStore.getState().datasets[datasetKey(profile.id, '/users')]!.datasetId
    const exportButton = screen.getByRole('button', { name: /Export/ }) as HTMLButtonElement
    expect(screen.queryByRole('button', { name: 'Cancel export' })).toBeNull()
    const hold = holdChannel(fake, 'data.export')
    await user.click(exportButton)
    await user.click(await screen.findByRole('menuitem', { name: 'CSV file…' }))
    await user.click(within(await screen.findByRole('dialog', { name: 'Export 60 rows' })).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(useStore.getState().exporting[datasetId]).toBe(true))

    // Another dataset's progress is not this one's.
    act(() => fake.emit('data.exportProgress', { datasetId: 'elsewhere', written: 5, total: 10 }))
    expect(exportButton.textContent).toContain('Exporting…')
    expect(exportButton.textContent).not.toContain('%')
    act(() => fake.emit('data.exportProgress', { datasetId, written: 27, total: 60 }))
    expect(exportButton.textContent).toContain('Exporting… 45%')

    // The export's call has an id, and Cancel names it.
    const [callId] = hold.callIds
    expect(callId).toBeDefined()
    await user.click(screen.getByRole('button', { name: 'Cancel export' }))
    await waitFor(() => expect(fake.calls.some((c) => c.name === 'app.cancelCall' && (c.input as { callId: string }).callId === callId)).toBe(true))
    // Main answers the cancelled call as cancelled.
    fake.failNext('data.export', 'CANCELLED', 'Export cancelled; nothing was written to /home/me/export.csv.')
    hold.release()
    expect(await screen.findByText('Export cancelled')).toBeTruthy()
    expect(screen.getByText('Export cancelled; nothing was written to /home/me/export.csv.')).toBeTruthy()
    expect(screen.queryByText('Export failed')).toBeNull()
    expect(useStore.getState().exporting[datasetId]).toBeUndefined()
    expect(useStore.getState().exportProgress[datasetId]).toBeUndefined()
    expect(screen.queryByRole('button', { name: 'Cancel export' })).toBeNull()
    expect(exportButton.textContent).toContain('Export')
    expect(exportButton.textContent).not.toContain('Exporting')
    // A late word on that export shows nothing.
    act(() => fake.emit('data.exportProgress', { datasetId, written: 60, total: 60 }))
    expect(exportButton.textContent).not.toContain('Exporting')
  })

  it('a list from "All lists" that main cannot describe says why, from the slice', async () => {
    const { fake, profile } = await openBrowse()
    fake.failNext('catalog.operation', 'NOT_FOUND', 'Zoom’s API files do not describe GET /nowhere.')
    expect(await useStore.getState().openCatalogList(profile.id, '/nowhere')).toBeUndefined()
    expect(useStore.getState().openListTasks[profile.id]).toEqual({ action: 'open', running: false, error: 'Zoom’s API files do not describe GET /nowhere.' })
    expect((await screen.findByRole('alert')).textContent).toBe('Zoom’s API files do not describe GET /nowhere.')
  })

  it('Download selected ends in the downloads slice’s notice; a refused one keeps the selection to try again', async () => {
    const { user, fake } = await renderLoadedRecordings(12)
    const grid = await screen.findByRole('grid', { name: 'Cloud recordings' })
    await user.click(await within(grid).findByRole('checkbox', { name: 'Select row 1' }))

    fake.failNext('downloads.enqueue', 'NOT_FOUND', 'The dataset is gone.')
    await user.click(screen.getByRole('button', { name: 'Download selected' }))
    expect(await screen.findByText('Could not start the downloads')).toBeTruthy()
    expect(screen.getByText('The dataset is gone.')).toBeTruthy()
    expect(screen.getByText('1 selected')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Download selected' }))
    expect(await screen.findByText('Downloading the files of 1 recording')).toBeTruthy()
    expect(screen.queryByText('1 selected')).toBeNull()
  })
})
