// @vitest-environment happy-dom
// The editor and the keyboard after the first-hour review: Advanced stays open while typing, the
// footer's summary goes when the fields are fixed, Save focuses the first invalid field, Enter on
// a checkbox toggles it and never submits, the redirect URL starts with the suggested value, a
// skip link passes the sidebar. (Focus coming back to a button disabled while it worked needs a
// real browser's focus fix-up: the end-to-end scenario checks it.)
import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { SUGGESTED_REDIRECT } from '../../renderer/features/editor/draft'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

const field = (name: string) => screen.getByLabelText(name, { exact: true }) as HTMLInputElement

async function openNew(kind: RegExp) {
  const app = await renderApp()
  await app.user.click(screen.getByRole('button', { name: kind }))
  await screen.findByRole('heading', { name: 'New connection' })
  return app
}

describe('editor and keyboard', () => {
  it('keeps Advanced open while a fixed URL is typed, with its port', async () => {
    const { user } = await openNew(/Server-to-Server OAuth/)
    const advanced = screen.getByText('Advanced', { exact: true }).closest('details')!
    await user.click(screen.getByText('Advanced', { exact: true }))
    expect(advanced.open).toBe(true)
    await user.selectOptions(field('Cloud'), 'custom')
    await user.click(screen.getByRole('button', { name: 'Save & connect' }))
    expect(field('API base URL').getAttribute('aria-invalid')).toBe('true')
    await user.type(field('OAuth base URL'), 'http://127.0.0.1:8123')
    await user.type(field('API base URL'), 'http://127.0.0.1:8123')
    expect(field('API base URL').getAttribute('aria-invalid')).toBeNull()
    expect(advanced.open).toBe(true)
    expect(field('API base URL').value).toBe('http://127.0.0.1:8123')
    expect(document.activeElement).toBe(field('API base URL'))
  })

  it('moves focus to the first invalid field on Save, and drops "Some fields need attention" once fixed', async () => {
    const { user } = await openNew(/Server-to-Server OAuth/)
    await user.click(screen.getByRole('button', { name: 'Save & connect' }))
    expect(document.activeElement).toBe(field('Connection name'))
    expect(screen.getByRole('alert').textContent).toContain('Some fields need attention')
    await user.type(field('Connection name'), 'Acme')
    await user.type(field('Account ID'), 'acc_1')
    await user.type(field('Client ID'), 'client_1')
    expect(screen.getByRole('alert').textContent).toContain('Some fields need attention')
    await user.type(field('Client Secret'), 'secret-value-1')
    expect(screen.queryByText('Some fields need attention.')).toBeNull()
  })

  it('focuses an invalid field inside the folded Advanced section, opening it', async () => {
    const { user } = await openNew(/Server-to-Server OAuth/)
    await user.type(field('Connection name'), 'Acme')
    await user.type(field('Account ID'), 'acc_1')
    await user.type(field('Client ID'), 'client_1')
    await user.type(field('Client Secret'), 'secret-value-1')
    await user.click(screen.getByText('Advanced', { exact: true }))
    await user.selectOptions(field('Cloud'), 'custom')
    await user.click(screen.getByText('Advanced', { exact: true }))
    const advanced = screen.getByText('Advanced', { exact: true }).closest('details')!
    expect(advanced.open).toBe(false)
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(document.activeElement).toBe(field('OAuth base URL')))
    expect(advanced.open).toBe(true)
  })

  it('toggles a checkbox with Enter and never submits the form', async () => {
    const { user, fake } = await openNew(/Server-to-Server OAuth/)
    await user.type(field('Connection name'), 'Acme')
    await user.type(field('Account ID'), 'acc_1')
    await user.type(field('Client ID'), 'client_1')
    await user.type(field('Client Secret'), 'secret-value-1')
    const users = screen.getByRole('checkbox', { name: /Users/ }) as HTMLInputElement
    users.focus()
    await user.keyboard('{Enter}')
    expect(users.checked).toBe(true)
    await user.keyboard('{Enter}')
    expect(users.checked).toBe(false)
    expect(fake.callsOf('profiles.create')).toHaveLength(0)
    expect(fake.callsOf('auth.connect')).toHaveLength(0)
  })

  it('starts the redirect URL with the suggested value, ready to copy', async () => {
    const { user } = await openNew(/Server-to-Server OAuth/)
    await user.click(screen.getByRole('radio', { name: /User-managed OAuth app/ }))
    expect(field('Redirect URL').value).toBe(SUGGESTED_REDIRECT)
    expect((screen.getByRole('button', { name: 'Copy redirect URL' }) as HTMLButtonElement).disabled).toBe(false)
  })

  it('offers a skip link past the sidebar as the first stop of Tab', async () => {
    const { user } = await renderApp({ profiles: [makeProfile({ name: 'Acme' })] })
    await user.tab()
    const skip = screen.getByRole('link', { name: 'Skip to content' })
    expect(document.activeElement).toBe(skip)
    await user.keyboard('{Enter}')
    expect(document.activeElement).toBe(screen.getByRole('main'))
  })
})
