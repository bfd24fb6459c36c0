// @vitest-environment happy-dom
// Settings → Updates on the fake bridge, which runs main's update service on a fake updater port.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { FakeUpdater } from '../fakes/fake-updater'
import { renderApp } from './render-app'

async function openUpdates(updater: FakeUpdater) {
  const rendered = await renderApp({ updater })
  await rendered.user.click(screen.getByRole('button', { name: 'Settings' }))
  const panel = await screen.findByTestId('updates')
  return { ...rendered, panel }
}

describe('Settings → Updates', () => {
  it('checks, shows the new version with its notes as text, downloads with progress, and restarts to update', async () => {
    const updater = new FakeUpdater({ version: '0.2.0', releaseNotes: '<p>Faster crawls</p><img src=x onerror="globalThis.pwned=1"><ul><li>Fix &amp; polish</li></ul>' })
    updater.holdDownload = true
    const { user, panel, fake } = await openUpdates(updater)
    expect(within(panel).getByText('0.1.0')).toBeTruthy()
    await user.click(within(panel).getByRole('button', { name: 'Check for updates' }))
    expect(await within(panel).findByText('Version 0.2.0 is available.')).toBeTruthy()
    const notes = within(panel).getByTestId('release-notes')
    expect(notes.textContent).toBe('Faster crawls\n• Fix & polish')
    expect(notes.querySelector('img')).toBeNull()
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined()

    await user.click(within(panel).getByRole('button', { name: 'Download 0.2.0' }))
    const bar = await within(panel).findByRole('progressbar', { name: 'Update download' })
    await waitFor(() => expect(bar.getAttribute('value')).toBe('50'))
    expect(within(panel).getByText(/Downloading version 0\.2\.0: 50 % of 80\.0 MB/)).toBeTruthy()
    expect(within(panel).getByRole('button', { name: 'Check for updates' }).hasAttribute('disabled')).toBe(true)

    updater.finishDownload()
    await user.click(await within(panel).findByRole('button', { name: 'Restart to update' }))
    await waitFor(() => expect(updater.installs).toBe(1))
    expect(fake.callsOf('updates.install')).toHaveLength(1)
  })

  it('says when the app is up to date, and shows a failed check', async () => {
    const updater = new FakeUpdater()
    updater.checkError = 'net::ERR_NAME_NOT_RESOLVED'
    const { user, panel } = await openUpdates(updater)
    await user.click(within(panel).getByRole('button', { name: 'Check for updates' }))
    expect((await within(panel).findByRole('alert')).textContent).toContain('net::ERR_NAME_NOT_RESOLVED')
    await user.click(within(panel).getByRole('button', { name: 'Check for updates' }))
    expect(await within(panel).findByText('Zoom Connect is up to date.')).toBeTruthy()
  })

  it('is disabled with the reason in a build that cannot update itself', async () => {
    const updater = new FakeUpdater({ version: '0.2.0' })
    updater.unavailableReason = 'This copy runs from source (npm start), so it does not update itself: pull and reinstall instead.'
    const { panel } = await openUpdates(updater)
    expect(within(panel).getByText(updater.unavailableReason)).toBeTruthy()
    expect(within(panel).queryByRole('button', { name: 'Check for updates' })).toBeNull()
  })

  it('turns the check at start off and on', async () => {
    const { user, panel, fake } = await openUpdates(new FakeUpdater())
    const toggle = within(panel).getByRole('switch', { name: 'Check for updates when Zoom Connect starts' })
    expect(toggle.getAttribute('aria-checked')).toBe('true')
    await user.click(toggle)
    await waitFor(() => expect(fake.callsOf('settings.update')).toEqual([{ checkForUpdatesAtStart: false }]))
    expect(fake.settings.checkForUpdatesAtStart).toBe(false)
  })
})
