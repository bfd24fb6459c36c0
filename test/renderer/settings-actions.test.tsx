// @vitest-environment happy-dom
// Settings' actions keep their running and failed state in their slices (vault, settings): the
// passphrase dialog, Lock now and Updates show what the slice holds, and closing a dialog dismisses
// its failure there, so reopening it starts clean.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { VaultStatus } from '../../common/contract/index'
import { useStore } from '../../renderer/store/index'
import { FakeUpdater } from '../fakes/fake-updater'
import { makeProfile } from './fake-bridge'
import { holdChannel } from './hold-channel'
import { renderApp } from './render-app'

const PASSPHRASE_VAULT: VaultStatus = { state: 'unlocked', protection: { kind: 'passphrase', secure: true }, keychain: { available: true, backend: 'gnome_libsecret', secure: true } }

async function openSettings(options: Parameters<typeof renderApp>[0]) {
  const app = await renderApp(options)
  await app.user.click(screen.getByRole('button', { name: 'Settings' }))
  return app
}

describe('settings actions keep their state in their slices', () => {
  it('the passphrase dialog shows the vault slice’s running and failed state; closing it dismisses the failure', async () => {
    const { user, fake } = await openSettings({ vault: PASSPHRASE_VAULT })
    await user.click(await screen.findByRole('button', { name: 'Change passphrase…' }))
    let dialog = await screen.findByRole('dialog', { name: 'Change the passphrase' })
    await user.type(within(dialog).getByLabelText('Current passphrase'), 'not the passphrase')
    await user.type(within(dialog).getByLabelText('New passphrase'), 'lemon parachute')
    await user.type(within(dialog).getByLabelText('Repeat the passphrase'), 'lemon parachute')
    // Main still checking the passphrase: the slice's running task is what the dialog shows.
    const hold = holdChannel(fake, 'vault.changeProtection')
    await user.click(within(dialog).getByRole('button', { name: 'Change passphrase' }))
    await waitFor(() => expect(useStore.getState().vaultTask).toEqual({ action: 'changeProtection', running: true }))
    expect(within(dialog).getByRole('button', { name: 'Working…' }).hasAttribute('disabled')).toBe(true)
    hold.release()
    expect((await within(dialog).findByRole('alert')).textContent).toBe('The current passphrase is not correct.')
    expect(useStore.getState().vaultTask).toEqual({ action: 'changeProtection', running: false, error: 'The current passphrase is not correct.' })

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(useStore.getState().vaultTask).toBeUndefined()
    await user.click(screen.getByRole('button', { name: 'Change passphrase…' }))
    dialog = await screen.findByRole('dialog', { name: 'Change the passphrase' })
    expect(within(dialog).queryByRole('alert')).toBeNull()
  })

  it('Lock now’s failure is kept in the vault slice and shown under the buttons', async () => {
    const { user, fake } = await openSettings({ vault: PASSPHRASE_VAULT })
    fake.failNext('vault.lock', 'FILE_IO', 'The key could not be wiped.')
    await user.click(await screen.findByRole('button', { name: 'Lock now' }))
    const section = screen.getByRole('region', { name: 'Secret storage' })
    expect((await within(section).findByRole('alert')).textContent).toBe('The key could not be wiped.')
    expect(useStore.getState().vaultTask).toEqual({ action: 'lock', running: false, error: 'The key could not be wiped.' })
  })

  it('an update action’s failed call is kept in the settings slice and shown in Updates; the next action clears it', async () => {
    const { user, fake } = await openSettings({ updater: new FakeUpdater() })
    const panel = await screen.findByTestId('updates')
    fake.failNext('updates.check', 'NETWORK', 'The release feed could not be reached.')
    await user.click(within(panel).getByRole('button', { name: 'Check for updates' }))
    expect((await within(panel).findByRole('alert')).textContent).toBe('The release feed could not be reached.')
    expect(useStore.getState().updateTask).toEqual({ action: 'check', running: false, error: 'The release feed could not be reached.' })

    await user.click(within(panel).getByRole('button', { name: 'Check for updates' }))
    expect(await within(panel).findByText('Zoom Connect is up to date.')).toBeTruthy()
    expect(useStore.getState().updateTask).toBeUndefined()
    expect(within(panel).queryByRole('alert')).toBeNull()
  })

  it('a refused setting, folder choice, plan change or dismissal is reported by its slice, never thrown', async () => {
    const p = makeProfile({ name: 'Acme' })
    const { fake } = await openSettings({ profiles: [p] })
    const s = useStore.getState()
    const before = s.settings?.clipboardClearSeconds
    fake.failNext('settings.update', 'FILE_IO', 'settings.json could not be written.')
    await s.updateSettings({ clipboardClearSeconds: before === 60 ? 120 : 60 })
    expect(useStore.getState().settings?.clipboardClearSeconds).toBe(before)
    fake.failNext('settings.chooseDownloadFolder', 'FILE_IO', 'That folder cannot be written to.')
    await s.chooseDownloadFolder()
    fake.failNext('profiles.update', 'CONFLICT', 'The connection changed meanwhile.')
    await s.changeRatePlan(p.id, 'business')
    expect(useStore.getState().notices.map((n) => [n.title, n.description])).toEqual([
      ['The setting was not saved', 'settings.json could not be written.'],
      ['The download folder was not changed', 'That folder cannot be written to.'],
      ['Could not change the plan of “Acme”', 'The connection changed meanwhile.'],
    ])
  })
})
