// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

const BASIC_TEXT = { state: 'unlocked' as const, protection: { kind: 'os-keychain' as const, backend: 'basic_text', secure: false }, keychain: { available: true, backend: 'basic_text', secure: false } }

describe('settings', () => {
  it('moves secrets from basic_text to a passphrase, checking it is typed twice and never showing it', async () => {
    const { user, fake } = await renderApp({ vault: BASIC_TEXT })
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    await user.click(await screen.findByRole('button', { name: 'Use a passphrase instead…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Protect secrets with a passphrase' })
    await user.type(within(dialog).getByLabelText('New passphrase'), 'short')
    await user.click(within(dialog).getByRole('button', { name: 'Set passphrase' }))
    expect(within(dialog).getByText('Use at least 8 characters')).toBeTruthy()
    await user.clear(within(dialog).getByLabelText('New passphrase'))
    await user.type(within(dialog).getByLabelText('New passphrase'), 'tangerine umbrella')
    await user.type(within(dialog).getByLabelText('Repeat the passphrase'), 'tangerine umbrela')
    await user.click(within(dialog).getByRole('button', { name: 'Set passphrase' }))
    expect(within(dialog).getByText('The two passphrases differ')).toBeTruthy()
    expect(fake.callsOf('vault.changeProtection')).toHaveLength(0)
    await user.clear(within(dialog).getByLabelText('Repeat the passphrase'))
    await user.type(within(dialog).getByLabelText('Repeat the passphrase'), 'tangerine umbrella')
    await user.click(within(dialog).getByRole('button', { name: 'Set passphrase' }))
    await waitFor(() => expect(fake.callsOf('vault.changeProtection')).toEqual([{ protector: 'passphrase', passphrase: 'tangerine umbrella' }]))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.getByTestId('protection').textContent).toContain('Secrets protected by your passphrase')
    expect(document.body.innerHTML).not.toContain('tangerine')
  })

  it('changes the passphrase only with the current one, which main checks', async () => {
    const { user, fake } = await renderApp({ vault: { state: 'unlocked', protection: { kind: 'passphrase', secure: true }, keychain: { available: true, backend: 'gnome_libsecret', secure: true } } })
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    await user.click(await screen.findByRole('button', { name: 'Change passphrase…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Change the passphrase' })
    await user.type(within(dialog).getByLabelText('New passphrase'), 'lemon parachute')
    await user.type(within(dialog).getByLabelText('Repeat the passphrase'), 'lemon parachute')
    await user.click(within(dialog).getByRole('button', { name: 'Change passphrase' }))
    expect(within(dialog).getByText('Enter the current passphrase')).toBeTruthy()
    expect(fake.callsOf('vault.changeProtection')).toHaveLength(0)

    await user.type(within(dialog).getByLabelText('Current passphrase'), 'not the passphrase')
    await user.click(within(dialog).getByRole('button', { name: 'Change passphrase' }))
    expect(await within(dialog).findByText('The current passphrase is not correct.')).toBeTruthy()

    await user.clear(within(dialog).getByLabelText('Current passphrase'))
    await user.type(within(dialog).getByLabelText('Current passphrase'), fake.passphrase)
    await user.click(within(dialog).getByRole('button', { name: 'Change passphrase' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(fake.callsOf('vault.changeProtection').at(-1)).toEqual({ protector: 'passphrase', passphrase: 'lemon parachute', currentPassphrase: 'correct horse battery' })
    expect(fake.passphrase).toBe('lemon parachute')
  })

  it('moves from the passphrase to the OS keychain only with the current passphrase', async () => {
    const { user, fake } = await renderApp({ vault: { state: 'unlocked', protection: { kind: 'passphrase', secure: true }, keychain: { available: true, backend: 'gnome_libsecret', secure: true } } })
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    await user.click(await screen.findByRole('button', { name: 'Use the OS keychain instead…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Remove the passphrase' })
    expect(within(dialog).queryByLabelText('New passphrase')).toBeNull()
    await user.click(within(dialog).getByRole('button', { name: 'Use the OS keychain' }))
    expect(within(dialog).getByText('Enter the current passphrase')).toBeTruthy()
    expect(fake.callsOf('vault.changeProtection')).toHaveLength(0)
    await user.type(within(dialog).getByLabelText('Current passphrase'), fake.passphrase)
    await user.click(within(dialog).getByRole('button', { name: 'Use the OS keychain' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(fake.callsOf('vault.changeProtection')).toEqual([{ protector: 'os-keychain', currentPassphrase: 'correct horse battery' }])
  })

  it('locks now, and unlocks with the passphrase (a wrong one is said so)', async () => {
    const p = makeProfile({ name: 'Acme' })
    const { user, fake } = await renderApp({ profiles: [p], vault: { state: 'unlocked', protection: { kind: 'passphrase', secure: true }, keychain: { available: true, backend: 'gnome_libsecret', secure: true } } })
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    await user.click(await screen.findByRole('button', { name: /Lock now/ }))
    await waitFor(() => expect(fake.callsOf('vault.lock')).toHaveLength(1))
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await screen.findByRole('heading', { name: 'Secrets are locked' })
    await user.type(screen.getByLabelText('Passphrase'), 'wrong passphrase')
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    expect(await screen.findByText('That passphrase is not right.')).toBeTruthy()
    expect((screen.getByLabelText('Passphrase') as HTMLInputElement).value).toBe('')
    await user.type(screen.getByLabelText('Passphrase'), fake.passphrase)
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    expect(await screen.findByRole('heading', { name: 'Acme', level: 1 })).toBeTruthy()
  })

  it('a keychain store the keychain has not unlocked asks for no passphrase: it says why, and Try again asks the keychain', async () => {
    const p = makeProfile({ name: 'Acme' })
    const { user, fake } = await renderApp({ profiles: [p], vault: { state: 'locked', protection: { kind: 'os-keychain', backend: 'gnome_libsecret', secure: true }, keychain: { available: true, backend: 'gnome_libsecret', secure: true } } })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await screen.findByRole('heading', { name: 'Secrets are locked' })
    expect(screen.queryByLabelText('Passphrase')).toBeNull()
    expect(screen.getByText(/kept in this computer’s keychain/)).toBeTruthy()
    fake.failNext('vault.unlock', 'VAULT_DECRYPT_FAILED', 'The keychain refused to give the key back.')
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByText('The keychain refused to give the key back.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('heading', { name: 'Acme', level: 1 })).toBeTruthy()
    expect(fake.callsOf('vault.unlock')).toEqual([{}, {}])
  })

  it('a forgotten passphrase is not a dead end: Start over with a new one (main asks first), and the app opens again', async () => {
    const p = makeProfile({ name: 'Acme' })
    const { user, fake } = await renderApp({ profiles: [p], vault: { state: 'locked', protection: { kind: 'passphrase', secure: true }, keychain: { available: true, backend: 'gnome_libsecret', secure: true } } })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await screen.findByRole('heading', { name: 'Secrets are locked' })
    await user.click(screen.getByRole('button', { name: 'Forgot the passphrase?' }))
    const startOver = screen.getByRole('region', { name: 'Start over' })
    expect(within(startOver).getByRole('button', { name: 'Start over with this passphrase' })).toHaveProperty('disabled', true)
    await user.type(within(startOver).getByLabelText('New passphrase'), 'a brand new passphrase')
    await user.click(within(startOver).getByRole('button', { name: 'Start over with this passphrase' }))
    expect(await screen.findByRole('heading', { name: 'Acme', level: 1 })).toBeTruthy()
    expect(fake.callsOf('vault.startOver')).toEqual([{ protector: 'passphrase', passphrase: 'a brand new passphrase' }])
  })

  it('saves the clipboard delay and the connect-window sign-in choice', async () => {
    const { user, fake } = await renderApp()
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    await user.selectOptions(await screen.findByLabelText('Clear a copied token from the clipboard after'), '60')
    await user.click(screen.getByRole('switch', { name: 'Remember the Zoom sign-in in the connect window' }))
    await waitFor(() => expect(fake.callsOf('settings.update')).toEqual([{ clipboardClearSeconds: 60 }, { rememberZoomSignIn: false }]))
  })

  it('shows the download folder read-only and changes it only through main’s folder picker', async () => {
    const { user, fake } = await renderApp()
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    const folder = (await screen.findByLabelText('Download folder')) as HTMLInputElement
    expect(folder.readOnly).toBe(true)
    expect(folder.value).toBe('/home/me/Zoom recordings')

    // Cancelled picker: nothing changes.
    await user.click(screen.getByRole('button', { name: 'Choose folder…' }))
    await waitFor(() => expect(fake.callsOf('settings.chooseDownloadFolder')).toHaveLength(1))
    expect(folder.value).toBe('/home/me/Zoom recordings')

    fake.folderAnswers.push('/home/me/Videos/Zoom')
    await user.click(screen.getByRole('button', { name: 'Choose folder…' }))
    await waitFor(() => expect(folder.value).toBe('/home/me/Videos/Zoom'))

    // A folder main refuses is said so, and the shown folder stays.
    fake.folderAnswers.push('//fileserver/share')
    await user.click(screen.getByRole('button', { name: 'Choose folder…' }))
    expect(await screen.findByText('The download folder was not changed')).toBeTruthy()
    expect(folder.value).toBe('/home/me/Videos/Zoom')

    await user.type(folder, '\\\\host\\share')
    expect(folder.value).toBe('/home/me/Videos/Zoom')
    expect(fake.callsOf('settings.update')).toEqual([])
    expect(fake.callsOf('settings.chooseDownloadFolder')).toEqual([undefined, undefined, undefined])
  })

  it('changes a connection’s rate-limit plan without touching its secret', async () => {
    const p = makeProfile({ name: 'Acme', ratePlan: 'pro' })
    const { user, fake } = await renderApp({ profiles: [p] })
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Acme' }), 'business')
    await waitFor(() => expect(fake.callsOf('profiles.update')).toHaveLength(1))
    const [call] = fake.callsOf('profiles.update')
    expect(call?.draft.fields.ratePlan).toBe('business')
    expect(call?.draft).not.toHaveProperty('clientSecret')
  })

  it('shows files moved aside until they are dismissed', async () => {
    const problem = { file: '/cfg/profiles.json', movedTo: '/cfg/profiles.json.corrupt-1', reason: 'The connections file was not valid JSON.', at: '2026-11-22T07:00:00Z' }
    const { user, fake } = await renderApp({ problems: [problem] })
    expect(screen.getByText('The connections file was not valid JSON.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Dismiss the problem with profiles.json' }))
    await waitFor(() => expect(screen.queryByText('The connections file was not valid JSON.')).toBeNull())
    expect(fake.callsOf('app.dismissProblem')).toEqual([{ movedTo: problem.movedTo }])
  })
})
