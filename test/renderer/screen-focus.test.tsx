// @vitest-environment happy-dom
// When the screen changes under a keyboard user (Save & connect replaces the editor with the new
// connection's screen), focus moves to the new screen's heading instead of dropping to <body>,
// where the next Tab would start again from the top of the sidebar and a screen reader says nothing.
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './render-app'

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement

describe('focus after a screen change', () => {
  it('lands on the new connection’s heading after Save & connect pressed with the keyboard', async () => {
    const { user } = await renderApp()
    await user.click(screen.getByRole('button', { name: /Server-to-Server OAuth/ }))
    await screen.findByRole('heading', { name: 'New connection' })
    await user.type(field('Connection name'), 'Acme')
    await user.type(field('Account ID'), 'acc')
    await user.type(field('Client ID'), 'client')
    await user.type(field('Client Secret'), 'secret-value')
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
