// @vitest-environment happy-dom
// When the screen changes under a keyboard user (Save & connect replaces the editor with the new
// connection's screen), focus moves to the new screen's heading instead of dropping to <body>,
// where the next Tab would start again from the top of the sidebar and a screen reader says nothing.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { fillNewS2S } from './new-s2s-form'
import { renderApp } from './render-app'


describe('focus after a screen change', () => {
  it('lands on the new connection’s heading after Save & connect pressed with the keyboard', async () => {
    const { user } = await renderApp()
    await fillNewS2S(user)
    screen.getByRole('button', { name: 'Save & connect' }).focus()
    await user.keyboard('{Enter}')
    const heading = await screen.findByRole('heading', { level: 1, name: 'Acme' })
    await waitFor(() => expect(document.activeElement).toBe(heading))
    // The next Tab goes on inside the main area, not back to the sidebar.
    await user.tab()
    expect(document.getElementById('main')?.contains(document.activeElement)).toBe(true)
  })

  it('leaves focus where the person put it when they chose the screen themselves', async () => {
    const { user } = await renderApp()
    const settings = screen.getByRole('button', { name: 'Settings', exact: true } as never)
    settings.focus()
    await user.keyboard('{Enter}')
    await screen.findByRole('heading', { level: 1, name: 'Settings' })
    expect(document.activeElement).toBe(settings)
  })
})

describe('focus after deleting the connection on screen', () => {
  it('lands on the home screen’s heading, not on <body>', async () => {
    const { user } = await renderApp({ profiles: [makeProfile({ name: 'Acme' }), makeProfile({ name: 'Beta' })] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await screen.findByRole('heading', { level: 1, name: 'Acme' })
    const header = document.querySelector<HTMLElement>('.conn-head')!
    await user.click(within(header).getByRole('button', { name: 'More actions for Acme' }))
    await user.click(await screen.findByRole('menuitem', { name: /Delete/ }))
    const dialog = await screen.findByRole('alertdialog')
    within(dialog).getByRole('button', { name: 'Delete connection' }).focus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    const heading = await screen.findByRole('heading', { level: 1 })
    await waitFor(() => expect(document.activeElement).toBe(heading))
  })
})
