// @vitest-environment happy-dom
// The grid's tools after the first-hour review: a filter with no match says so and clears, the
// formatted detail view puts labels beside raw values, the export dialog (labels or raw, CSV for
// Excel, incomplete data), and a crawl's pause, Resume and "Retry N failed users".
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

withGridViewport(500)

const SCOPES = ['user:read:admin', 'meeting:read:admin']

async function openUsers(options: { manualJobs?: boolean } = {}) {
  const profile = makeProfile({ name: 'Acme', scopes: SCOPES })
  const app = await renderApp({ profiles: [profile], rowCount: 60, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: SCOPES, hasRefreshToken: false }], ...options })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Browse' }))
  return app
}

async function loadUsers() {
  const app = await openUsers()
  await app.user.click(await screen.findByRole('button', { name: 'Load users' }))
  const grid = await screen.findByRole('grid', { name: 'Users' })
  await waitFor(() => expect(within(grid).getAllByRole('gridcell')[1]?.textContent).not.toBe(''))
  return { ...app, grid }
}

describe('grid tools', () => {
  it('says when the filter matches nothing, and Clear brings every row back', async () => {
    const { user } = await loadUsers()
    const search = screen.getByRole('searchbox', { name: 'Filter rows' })
    await user.type(search, 'zzz-nobody')
    expect(await screen.findByText(/No rows match “zzz-nobody” in any column of the 60 loaded/)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Clear filter' }))
    await waitFor(() => expect(screen.getByTestId('row-count').textContent).toBe('60 rows'))
    expect((search as HTMLInputElement).value).toBe('')
    expect(screen.queryByText(/No rows match/)).toBeNull()
  })

  it('filters by the label the grid shows for a coded value, as main does', async () => {
    const { user } = await loadUsers()
    // Users of type 2 show as "Licensed": every third of the 60 made-up rows (fake/rows.ts).
    await user.type(screen.getByRole('searchbox', { name: 'Filter rows' }), 'licensed')
    await waitFor(() => expect(screen.getByTestId('row-count').textContent).toBe('20 of 60 rows'))
  })

  it('shows labels beside the raw values in the formatted detail view', async () => {
    const { user, grid, fake } = await loadUsers()
    const row = within(grid).getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === '3')!
    await user.click(row)
    const drawer = await screen.findByRole('dialog', { name: 'User details' })
    await within(drawer).findByRole('tab', { name: 'Formatted' })
    const type = (fake.datasets.values().next().value!.row(1) as { type: number }).type
    const label = { 1: 'Basic', 2: 'Licensed', 3: 'On-prem' }[type]!
    const term = within(drawer).getByText('License')
    const entry = term.closest('div')!
    expect(entry.textContent).toContain('type')
    expect(within(entry).getByRole('definition').textContent).toBe(`${label} (${type})`)
  })

  it('exports with labels by default, raw values or a CSV for Excel on request', async () => {
    const { user, fake } = await loadUsers()
    await user.click(screen.getByRole('button', { name: /Export/ }))
    await user.click(await screen.findByRole('menuitem', { name: 'CSV file…' }))
    let dialog = await screen.findByRole('dialog', { name: 'Export 60 rows' })
    expect((within(dialog).getByRole('radio', { name: /As the grid shows them/ }) as HTMLInputElement).checked).toBe(true)
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(fake.lastExport).toMatchObject({ format: 'csv', values: 'labels' }))
    expect(fake.lastExport?.excel).toBeUndefined()
    expect(await screen.findByText('Exported 60 rows')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: /Export/ }))
    await user.click(await screen.findByRole('menuitem', { name: 'CSV for Excel…' }))
    dialog = await screen.findByRole('dialog', { name: 'Export 60 rows' })
    expect((within(dialog).getByRole('radio', { name: /CSV for Excel/ }) as HTMLInputElement).checked).toBe(true)
    await user.click(within(dialog).getByRole('radio', { name: /Raw values from Zoom/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(fake.lastExport).toMatchObject({ format: 'csv', values: 'raw', excel: true }))
  })

  it('warns before and after exporting a dataset that is incomplete, saying what is missing', async () => {
    const { user, fake } = await loadUsers()
    const [datasetId] = [...fake.datasets.keys()]
    fake.markIncomplete(datasetId!, ['Cancelled with 10 of 12 users not loaded.'])
    // Main reports what a dataset lacks in its info, fetched again when a job stops.
    const job = [...fake.jobs.values()][0]!
    fake.emit('data.job', { ...job, state: 'running' })
    fake.emit('data.job', { ...job, state: 'cancelled' })
    await user.click(await screen.findByRole('button', { name: /Export/ }))
    await user.click(await screen.findByRole('menuitem', { name: 'JSON file…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Export 60 rows' })
    expect(within(dialog).getByRole('alert').textContent).toContain('Cancelled with 10 of 12 users not loaded.')
    // JSON has no labels to choose: it says so instead of offering a choice it would not keep.
    expect(within(dialog).queryByRole('radio', { name: /As the grid shows them/ })).toBeNull()
    expect(within(dialog).getByText('JSON keeps the values as Zoom sent them (type: 2).')).toBeTruthy()
    await user.click(within(dialog).getByRole('radio', { name: /^CSV$/ }))
    expect(within(dialog).getByRole('radio', { name: /As the grid shows them/ })).toBeTruthy()
    await user.click(within(dialog).getByRole('radio', { name: /^JSON$/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Export anyway…' }))
    expect(await screen.findByText('Exported 60 rows of incomplete data')).toBeTruthy()
  })
})

describe('crawls that survive trouble', () => {
  it('shows a pause while Zoom is unreachable, live rate-limit waits, then Resume and Retry N failed', async () => {
    const { user, fake } = await openUsers({ manualJobs: true })
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    await waitFor(() => expect(fake.jobs.size).toBe(1))
    const job = [...fake.jobs.values()][0]!
    fake.emit('data.job', { ...job, paused: { reason: 'unreachable', message: 'Zoom is unreachable — retrying in 20 s', retryAt: Date.now() + 20_000, retryInSeconds: 20 } })
    expect((await screen.findByTestId('crawl-paused')).textContent).toMatch(/^Zoom is unreachable — retrying in (19|20) s/)
    fake.emit('data.job', { ...job, rateLimitedUntil: Date.now() + 5_000 })
    expect((await screen.findByTestId('crawl-rate-limited')).textContent).toMatch(/^Waiting [45] s for Zoom’s rate limit/)
    expect(screen.queryByTestId('crawl-paused')).toBeNull()

    const stopped = { ...job, state: 'failed' as const, finishedAt: Date.now(), resumable: true, pendingUnits: 7, failedUnits: 2, error: { code: 'ZOOM_RATE_LIMITED' as const, message: 'Stopped: Zoom’s rate limit was reached.' } }
    fake.jobs.set(job.jobId, stopped)
    fake.emit('data.job', stopped)
    expect(await screen.findByText('7 users were not loaded yet.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Retry 2 failed users' }))
    await waitFor(() => expect(fake.callsOf('data.retryFailed')).toEqual([{ jobId: job.jobId }]))
    fake.jobs.set(job.jobId, stopped)
    fake.emit('data.job', stopped)
    await user.click(await screen.findByRole('button', { name: 'Resume' }))
    await waitFor(() => expect(fake.callsOf('data.resume')).toEqual([{ jobId: job.jobId }]))
    // Resume went with the stop: focus is on Cancel loading, not on <body>.
    const cancel = await screen.findByRole('button', { name: 'Cancel loading' })
    await waitFor(() => expect(document.activeElement).toBe(cancel))
  })

  it('names a fan-out\'s units by their parent list, not "users", in the progress line and after a stop', async () => {
    const { user, fake } = await openUsers({ manualJobs: true })
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    await waitFor(() => expect(fake.jobs.size).toBe(1))
    const job = [...fake.jobs.values()][0]!
    fake.emit('data.job', { ...job, unitsTotal: 52, unitsDone: 3, unitNoun: 'call queues', retryingUnits: 1 })
    expect((await screen.findByText(/3 of 52 call queues/)).textContent).not.toMatch(/users/)
    expect(await screen.findByText('1 call queue is tried again after an error.')).toBeTruthy()
    const stopped = { ...job, state: 'cancelled' as const, finishedAt: Date.now(), unitsTotal: 52, unitsDone: 50, unitNoun: 'call queues', resumable: true, pendingUnits: 2 }
    fake.jobs.set(job.jobId, stopped)
    fake.emit('data.job', stopped)
    expect(await screen.findByText('2 call queues were not loaded yet.')).toBeTruthy()
  })

  it('offers to retry a plain list that failed as a list, not as a user', async () => {
    const { user, fake } = await openUsers({ manualJobs: true })
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    await waitFor(() => expect(fake.jobs.size).toBe(1))
    const job = [...fake.jobs.values()][0]!
    const failed = { ...job, state: 'failed' as const, finishedAt: Date.now(), unitNoun: 'lists', failedUnits: 1, resumable: false }
    fake.jobs.set(job.jobId, failed)
    fake.emit('data.job', failed)
    expect(await screen.findByRole('button', { name: 'Retry 1 failed list' })).toBeTruthy()
  })

  it('counts one row, one user and one page in the singular', async () => {
    const { user, fake } = await openUsers({ manualJobs: true })
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    await waitFor(() => expect(fake.jobs.size).toBe(1))
    const job = [...fake.jobs.values()][0]!
    fake.emit('data.job', { ...job, rows: 1, pages: 1, unitsTotal: 1, unitsDone: 1, unitNoun: 'users' })
    const line = await screen.findByText(/1 of 1 user\b/)
    expect(line.textContent).toMatch(/^1 row · 1 of 1 user · 1 page · /)
  })

  it('says which users had nothing to list for want of a plan, apart from failures', async () => {
    const { user, fake } = await openUsers({ manualJobs: true })
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    await waitFor(() => expect(fake.jobs.size).toBe(1))
    const job = [...fake.jobs.values()][0]!
    const done = { ...job, state: 'done' as const, finishedAt: Date.now(), unitsTotal: 40, unitsDone: 40, unitNoun: 'users', withoutPlan: { count: 32, reason: 'Webinar plan is missing.' } }
    fake.jobs.set(job.jobId, done)
    fake.emit('data.job', done)
    expect((await screen.findByTestId('crawl-without-plan')).textContent).toBe('Nothing to list for 32 users: Zoom says “Webinar plan is missing.”')
    expect(screen.queryByText(/could not be read/)).toBeNull()
  })
})
