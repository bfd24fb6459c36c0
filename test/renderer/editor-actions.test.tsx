// @vitest-environment happy-dom
// The editor's Save and Save & connect keep their running and failed state in the connections
// slice, under the editor's key (the profile it opened on, or 'new'); a new editor starts clean.
import { act, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useStore } from '../../renderer/store/index'
import { fillNewS2S } from './new-s2s-form'
import { renderApp } from './render-app'


/** The app on a new Server-to-Server editor with its required fields filled, not yet saved. */
async function filledNewS2S() {
  const app = await renderApp()
  await fillNewS2S(app.user)
  return app
}

describe('editor actions keep their state in the connections slice', () => {
  it('a refused save is kept under the editor’s key and shown in the footer; a new editor starts clean', async () => {
    const { user, fake } = await filledNewS2S()
    fake.failNext('profiles.create', 'FILE_IO', 'The connection list could not be saved.')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.getByText('The connection list could not be saved.')).toBeTruthy())
    expect(useStore.getState().editorTasks.new).toEqual({ action: 'save', running: false, error: 'The connection list could not be saved.', code: 'FILE_IO' })

    // Add connection again: a new editor.
    act(() => useStore.getState().navigate({ screen: 'home' }))
    await user.click(await screen.findByRole('button', { name: /Server-to-Server OAuth/ }))
    await screen.findByRole('heading', { name: 'New connection' })
    expect(useStore.getState().editorTasks.new).toBeUndefined()
    expect(screen.queryByText('The connection list could not be saved.')).toBeNull()
  })

  it('Save & connect: a connect that fails after a good save says so from the slice; the retry connects', async () => {
    const { user, fake } = await filledNewS2S()
    fake.failNext('auth.connect', 'AUTH_TOKEN_ENDPOINT', 'Zoom’s token endpoint did not answer.')
    await user.click(screen.getByRole('button', { name: 'Save & connect' }))
    await waitFor(() => expect(screen.getByText('Saved, but connecting failed: Zoom’s token endpoint did not answer.')).toBeTruthy())
    expect(useStore.getState().editorTasks.new).toEqual({ action: 'connect', running: false, error: 'Saved, but connecting failed: Zoom’s token endpoint did not answer.' })
    expect(fake.callsOf('profiles.create')).toHaveLength(1)

    await user.click(screen.getByRole('button', { name: 'Save & connect' }))
    await screen.findByRole('tab', { name: 'Overview', selected: true })
    expect(useStore.getState().editorTasks.new).toBeUndefined()
    expect(within(screen.getByRole('navigation', { name: 'Connections' })).getByText('Connected')).toBeTruthy()
  })
})
