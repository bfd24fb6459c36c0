// @vitest-environment happy-dom
// Actions on a connection keep their running and failed state in the connections slice: the
// confirmation dialogs show what the slice holds, and the notices come from the slice's actions,
// so any screen (or a second copy of a button) sees the same state.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useStore } from '../../renderer/store/index'
import { makeProfile } from './fake-bridge'
import { holdChannel } from './hold-channel'
import { renderApp } from './render-app'

function connected() {
  const p = makeProfile({ name: 'Acme' })
  return { p, options: { profiles: [p], statuses: [{ profileId: p.id, state: 'connected' as const, grantedScopes: ['user:read:admin'], hasRefreshToken: false, expiresAt: Date.now() + 3_600_000 }] } }
}

const titles = () => useStore.getState().notices.map((n) => n.title)

describe('connection actions keep their state in the connections slice', () => {
  it('a failed Disconnect is kept in the slice and shown in its dialog, which stays open; the retry clears it and closes the dialog', async () => {
    const { options, p } = connected()
    const { user, fake } = await renderApp(options)
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('button', { name: 'Disconnect' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Disconnect “Acme”?' })
    fake.failNext('auth.disconnect', 'NETWORK', 'Zoom could not be reached.')
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }))

    expect((await within(dialog).findByRole('alert')).textContent).toBe('Zoom could not be reached.')
    expect(useStore.getState().failed[p.id]).toEqual({ action: 'disconnecting', error: 'Zoom could not be reached.' })
    expect(useStore.getState().busy[p.id]).toBeUndefined()

    // The retry, held in main: the slice's busy state is what the dialog shows meanwhile.
    const hold = holdChannel(fake, 'auth.disconnect')
    await user.click(within(dialog).getByRole('button', { name: 'Disconnect' }))
    await waitFor(() => expect(useStore.getState().busy[p.id]).toBe('disconnecting'))
    expect(within(dialog).getByRole('button', { name: 'Working…' }).hasAttribute('disabled')).toBe(true)
    hold.release()
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(useStore.getState().failed[p.id]).toBeUndefined()
    expect(titles()).toContain('Disconnected “Acme”')
  })

  it('a failed Delete is kept in the slice and shown in its dialog; a deleted connection leaves no failure behind', async () => {
    const { options, p } = connected()
    const { user, fake } = await renderApp(options)
    await user.click(screen.getByRole('button', { name: 'More actions for Acme' }))
    await user.click(await screen.findByRole('menuitem', { name: /Delete/ }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete “Acme”?' })
    fake.failNext('profiles.delete', 'FILE_IO', 'The connection list could not be saved.')
    await user.click(within(dialog).getByRole('button', { name: 'Delete connection' }))
    expect((await within(dialog).findByRole('alert')).textContent).toBe('The connection list could not be saved.')
    expect(useStore.getState().failed[p.id]).toMatchObject({ action: 'deleting' })

    await user.click(within(dialog).getByRole('button', { name: 'Delete connection' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(useStore.getState().failed).toEqual({})
    expect(titles()).toContain('Deleted “Acme”')
  })

  it('copy token, sign-out, duplicate and export report through the slice’s own actions (a Cancel in main’s dialog is no failure)', async () => {
    const { options, p } = connected()
    const { fake } = await renderApp(options)
    const s = useStore.getState()
    await s.copyToken(p.id)
    fake.failNext('auth.copyToken', 'CANCELLED', 'You chose Cancel.')
    await s.copyToken(p.id)
    fake.failNext('auth.signOutZoom', 'INTERNAL', 'The sign-in could not be cleared.')
    await s.signOutZoom(p.id)
    fake.failNext('profiles.exportFile', 'FILE_IO', 'The file could not be written.')
    await s.exportProfilesFile([p.id])
    const copy = await s.duplicateProfile(p.id)
    expect(titles()).toEqual(['Access token copied', 'Could not sign out of Zoom', 'Export failed', `Created “${copy?.name}”`])
    expect(useStore.getState().notices.map((n) => n.description)).toEqual(['The clipboard is cleared in 30 s.', 'The sign-in could not be cleared.', 'The file could not be written.', 'The copy starts disconnected.'])
    expect(useStore.getState().view).toEqual({ screen: 'connection', profileId: copy?.id, tab: 'edit' })
  })
})
