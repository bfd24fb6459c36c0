// @vitest-environment happy-dom
// The editor's scope style: a new connection starts granular, because an app made in today's Zoom
// Marketplace refuses classic names ("Invalid scope") and main asks Zoom for exactly the scopes
// saved here; Classic stays one click away for an older app; a stored connection opens in the
// style of its own scopes.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement
const scopesText = () => (screen.getByLabelText('Scopes') as HTMLTextAreaElement).value
const styleRadio = (name: 'Granular scopes' | 'Classic scopes') => screen.getByRole('radio', { name }) as HTMLInputElement

async function openNew(kind: RegExp) {
  const app = await renderApp()
  await app.user.click(screen.getByRole('button', { name: kind }))
  await screen.findByRole('heading', { name: 'New connection' })
  return app
}

describe('the scope style of a new connection', () => {
  it('a user-managed app starts granular and saves granular scopes, the ones main asks Zoom for', async () => {
    const { user, fake } = await openNew(/User-managed OAuth app/)
    expect(styleRadio('Granular scopes').checked).toBe(true)
    expect(styleRadio('Classic scopes').checked).toBe(false)
    expect((screen.getByLabelText('Scopes') as HTMLTextAreaElement).placeholder).toBe('user:read:user meeting:read:list_meetings')
    await user.type(field('Connection name'), 'Mine')
    await user.type(field('Client ID'), 'client_1')
    await user.type(field('Client Secret'), 'secret-value-1')
    await user.click(screen.getByRole('checkbox', { name: /^Users/ }))
    await user.click(screen.getByRole('checkbox', { name: /^Meetings/ }))
    expect(scopesText()).toBe('user:read:user meeting:read:list_meetings meeting:read:meeting')
    await user.click(screen.getByRole('button', { name: 'Save & connect' }))

    await screen.findByRole('tab', { name: 'Overview', selected: true })
    expect(fake.callsOf('profiles.create')[0]?.fields).toMatchObject({ grant: 'authorization_code', appType: 'user', scopes: ['user:read:user', 'meeting:read:list_meetings', 'meeting:read:meeting'] })
    expect(fake.callsOf('auth.connect')).toHaveLength(1)
  })

  it('a public (PKCE) app starts granular too', async () => {
    const { user, fake } = await openNew(/Public app/)
    expect(styleRadio('Granular scopes').checked).toBe(true)
    await user.type(field('Connection name'), 'CLI')
    await user.type(field('Client ID'), 'client_2')
    await user.click(screen.getByRole('checkbox', { name: /^Cloud recordings/ }))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByRole('tab', { name: 'Overview', selected: true })
    expect(fake.callsOf('profiles.create')[0]?.fields).toMatchObject({ clientType: 'public', scopes: ['cloud_recording:read:list_user_recordings', 'user:read:user'] })
  })

  it('Classic can still be chosen for an older app, and its presets then add classic names', async () => {
    const { user, fake } = await openNew(/User-managed OAuth app/)
    await user.click(styleRadio('Classic scopes'))
    expect((screen.getByLabelText('Scopes') as HTMLTextAreaElement).placeholder).toBe('user:read meeting:read')
    await user.type(field('Connection name'), 'Old app')
    await user.type(field('Client ID'), 'client_3')
    await user.type(field('Client Secret'), 'secret-value-3')
    await user.click(screen.getByRole('checkbox', { name: /^Users/ }))
    await user.click(screen.getByRole('checkbox', { name: /^Meetings/ }))
    expect(scopesText()).toBe('user:read meeting:read')
    await user.click(screen.getByRole('button', { name: 'Save & connect' }))
    await screen.findByRole('tab', { name: 'Overview', selected: true })
    expect(fake.callsOf('profiles.create')[0]?.fields.scopes).toEqual(['user:read', 'meeting:read'])
  })

  it('says which style to pick beside the choice', async () => {
    await openNew(/User-managed OAuth app/)
    const hint = document.getElementById(styleRadio('Granular scopes').getAttribute('aria-describedby') ?? '')
    expect(hint?.textContent).toContain('Apps made in today’s Zoom Marketplace use granular scopes')
  })
})

describe('the scope style of a stored connection', () => {
  async function openEdit(scopes: string[]) {
    const profile = makeProfile({ name: 'Acme', scopes })
    const app = await renderApp({ profiles: [profile] })
    await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await app.user.click(await screen.findByRole('tab', { name: 'Edit' }))
    await screen.findByRole('form', { name: 'Edit Acme' })
    return app
  }

  it('keeps classic admin scopes classic: their presets show as on and nothing is rewritten', async () => {
    const { user, fake } = await openEdit(['user:read:admin', 'meeting:read:admin'])
    expect(styleRadio('Classic scopes').checked).toBe(true)
    expect((screen.getByRole('checkbox', { name: /^Meetings/ }) as HTMLInputElement).checked).toBe(true)
    expect(scopesText()).toBe('user:read:admin meeting:read:admin')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(fake.callsOf('profiles.update')).toHaveLength(1))
    expect(fake.callsOf('profiles.update')[0]?.draft.fields.scopes).toEqual(['user:read:admin', 'meeting:read:admin'])
  })

  it('opens granular scopes as granular', async () => {
    await openEdit(['user:read:list_users:admin', 'user:read:user:admin'])
    expect(styleRadio('Granular scopes').checked).toBe(true)
    expect((screen.getByRole('checkbox', { name: /^Users/ }) as HTMLInputElement).checked).toBe(true)
  })
})
