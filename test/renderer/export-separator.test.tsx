// @vitest-environment happy-dom
// The Export dialog offers the column separator of a CSV: CSV for Excel starts on the list
// separator of the machine's region (main's app.info locale), plain CSV on a comma, and each
// starts next time on the one last chosen for it, kept in main's settings.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { FakeOptions } from './fake-bridge'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

withGridViewport(500)

const SCOPES = ['user:read:admin']

async function loadUsers(options: FakeOptions) {
  const profile = makeProfile({ name: 'Acme', scopes: SCOPES })
  const app = await renderApp({ profiles: [profile], rowCount: 5, statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: SCOPES, hasRefreshToken: false }], ...options })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Browse' }))
  await app.user.click(await screen.findByRole('button', { name: 'Load users' }))
  await screen.findByRole('grid', { name: 'Users' })
  return app
}

async function openExport(user: Awaited<ReturnType<typeof loadUsers>>['user'], item: string) {
  await user.click(screen.getByRole('button', { name: /Export/ }))
  await user.click(await screen.findByRole('menuitem', { name: item }))
  const dialog = await screen.findByRole('dialog', { name: /^Export/ })
  return { dialog, separators: within(dialog).getByRole('group', { name: 'Column separator' }) }
}

const checked = (group: HTMLElement) =>
  within(group)
    .getAllByRole('radio')
    .filter((radio) => (radio as HTMLInputElement).checked)
    .map((radio) => radio.parentElement?.textContent?.trim())

describe('the column separator in the Export dialog', () => {
  it('starts CSV for Excel on `;` in a German region and plain CSV on a comma, and sends the choice', async () => {
    const { user, fake } = await loadUsers({ locale: 'de-DE' })
    let { dialog, separators } = await openExport(user, 'CSV for Excel…')
    expect(within(separators).getAllByRole('radio').map((radio) => radio.parentElement?.textContent?.trim())).toEqual(['Comma (,)', 'Semicolon (;)', 'Tab'])
    expect(checked(separators)).toEqual(['Semicolon (;)'])
    // Each CSV format shows its own while the dialog is open.
    await user.click(within(dialog).getByRole('radio', { name: 'CSV' }))
    expect(checked(within(dialog).getByRole('group', { name: 'Column separator' }))).toEqual(['Comma (,)'])
    await user.click(within(dialog).getByRole('radio', { name: /CSV for Excel/ }))
    expect(checked(within(dialog).getByRole('group', { name: 'Column separator' }))).toEqual(['Semicolon (;)'])
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(fake.lastExport).toMatchObject({ format: 'csv', excel: true, separator: ';' }))

    // JSON has no separator to choose.
    ;({ dialog } = await openExport(user, 'CSV file…'))
    await user.click(within(dialog).getByRole('radio', { name: 'JSON' }))
    expect(within(dialog).queryByRole('group', { name: 'Column separator' })).toBeNull()
    await user.click(within(dialog).getByRole('radio', { name: 'CSV' }))
    separators = within(dialog).getByRole('group', { name: 'Column separator' })
    expect(checked(separators)).toEqual(['Comma (,)'])
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(fake.lastExport).toMatchObject({ format: 'csv', separator: ',' }))
    expect(fake.lastExport?.excel).toBeUndefined()
  })

  it('starts CSV for Excel on a comma in an English region', async () => {
    const { user } = await loadUsers({ locale: 'en-US' })
    const { separators } = await openExport(user, 'CSV for Excel…')
    expect(checked(separators)).toEqual(['Comma (,)'])
  })

  it('remembers the last choice of each format in the settings, and starts on it next time', async () => {
    const { user, fake } = await loadUsers({ locale: 'fr-FR' })
    let { dialog } = await openExport(user, 'CSV for Excel…')
    await user.click(within(dialog).getByRole('radio', { name: 'Tab' }))
    await user.click(within(dialog).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(fake.lastExport).toMatchObject({ excel: true, separator: '\t' }))
    await waitFor(() => expect(fake.callsOf('settings.update')).toContainEqual({ excelCsvSeparator: '\t' }))
    expect(fake.settings.csvSeparator).toBeUndefined()

    const again = await openExport(user, 'CSV for Excel…')
    expect(checked(again.separators)).toEqual(['Tab'])
    // Plain CSV keeps its own default.
    await user.click(within(again.dialog).getByRole('radio', { name: 'CSV' }))
    expect(checked(within(again.dialog).getByRole('group', { name: 'Column separator' }))).toEqual(['Comma (,)'])
    await user.click(within(again.dialog).getByRole('radio', { name: 'Semicolon (;)' }))
    await user.click(within(again.dialog).getByRole('button', { name: 'Export…' }))
    await waitFor(() => expect(fake.settings).toMatchObject({ csvSeparator: ';', excelCsvSeparator: '\t' }))
    ;({ dialog } = await openExport(user, 'CSV file…'))
    expect(checked(within(dialog).getByRole('group', { name: 'Column separator' }))).toEqual(['Semicolon (;)'])
  })

  it('starts on a choice stored in an earlier session', async () => {
    const { user } = await loadUsers({ locale: 'de-DE', settings: { excelCsvSeparator: ',' } })
    const { separators } = await openExport(user, 'CSV for Excel…')
    expect(checked(separators)).toEqual(['Comma (,)'])
  })
})
