// @vitest-environment happy-dom
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { FIRST_RUN_VAULT, makeProfile } from './fake-bridge'
import { fillNewS2S } from './new-s2s-form'
import { renderApp } from './render-app'

const field = (name: string | RegExp) => screen.getByLabelText(name) as HTMLInputElement
/** The inline error announced with a field (its aria-describedby). */
function errorOf(name: string | RegExp): string | undefined {
  const input = field(name)
  if (input.getAttribute('aria-invalid') !== 'true') return undefined
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ')
  return ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('error'))?.textContent ?? undefined
}

async function openNew(kind: RegExp) {
  const app = await renderApp()
  await app.user.click(screen.getByRole('button', { name: kind }))
  await screen.findByRole('heading', { name: 'New connection' })
  return app
}

describe('connection editor', () => {
  it('shows every problem next to its field and sends nothing while the draft is invalid', async () => {
    const { user, fake } = await openNew(/Server-to-Server OAuth/)
    await user.click(screen.getByRole('button', { name: 'Save & connect' }))
    expect(errorOf('Connection name')).toBe('Give the connection a name')
    expect(errorOf('Account ID')).toBe('A Server-to-Server app needs its Account ID')
    expect(errorOf('Client ID')).toBe('The Client ID is required')
    expect(errorOf('Client Secret')).toBe('A Server-to-Server app needs its Client Secret')
    expect(screen.getByRole('alert').textContent).toContain('Some fields need attention')
    expect(fake.callsOf('profiles.create')).toHaveLength(0)

    // Fixing a field clears its error at once; the same rules as main (Client ID characters).
    await user.type(field('Connection name'), 'Acme')
    expect(errorOf('Connection name')).toBeUndefined()
    await user.type(field('Client ID'), 'bad id!')
    expect(errorOf('Client ID')).toBe('A Client ID is letters, digits, _ and -')
  })

  it('validates a field once it is left, not while the person is still typing elsewhere', async () => {
    const { user } = await openNew(/Server-to-Server OAuth/)
    expect(errorOf('Account ID')).toBeUndefined()
    await user.click(field('Account ID'))
    await user.tab()
    expect(errorOf('Account ID')).toBe('A Server-to-Server app needs its Account ID')
    expect(errorOf('Client ID')).toBeUndefined()
  })

  it('saves and connects in one click, then shows the overview', async () => {
    const { user, fake } = await openNew(/Server-to-Server OAuth/)
    await user.type(field('Connection name'), 'Acme admin')
    await user.type(field('Account ID'), 'acc_123')
    await user.type(field('Client ID'), 'client_123')
    await user.type(field('Client Secret'), 's3cret-value')
    // A new connection's presets are granular (apps made today have granular scopes).
    await user.click(screen.getByRole('checkbox', { name: /Users/ }))
    expect((field('Scopes') as unknown as HTMLTextAreaElement).value).toBe('user:read:list_users:admin user:read:user:admin')
    await user.click(screen.getByRole('button', { name: 'Save & connect' }))

    await screen.findByRole('tab', { name: 'Overview', selected: true })
    const [draft] = fake.callsOf('profiles.create')
    expect(draft?.clientSecret).toBe('s3cret-value')
    expect(draft?.fields).toMatchObject({ name: 'Acme admin', grant: 's2s', accountId: 'acc_123', clientId: 'client_123', scopes: ['user:read:list_users:admin', 'user:read:user:admin'] })
    expect(fake.callsOf('auth.connect')).toHaveLength(1)
    expect(within(screen.getByRole('navigation', { name: 'Connections' })).getByText('Connected')).toBeTruthy()
    // The secret went to main and nowhere else.
    expect(document.body.innerHTML).not.toContain('s3cret-value')
  })

  it('hides the fields that do not apply to the grant and client type', async () => {
    const { user } = await openNew(/Server-to-Server OAuth/)
    expect(screen.queryByLabelText('Account ID')).toBeTruthy()
    expect(screen.queryByLabelText('Redirect URL')).toBeNull()

    await user.click(screen.getByRole('radio', { name: /User-managed OAuth app/ }))
    expect(screen.queryByLabelText('Account ID')).toBeNull()
    expect(screen.getByLabelText('Redirect URL')).toBeTruthy()
    expect(screen.getByLabelText('Client Secret')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Copy redirect URL' })).toBeTruthy()

    await user.click(screen.getByRole('radio', { name: /Public app/ }))
    expect(screen.queryByLabelText('Client Secret', { selector: 'input' })).toBeNull()
    expect(screen.getAllByLabelText('PKCE method')).toHaveLength(1)
  })

  it('shows the issues main reports next to their fields', async () => {
    const { user, fake } = await openNew(/Server-to-Server OAuth/)
    await user.type(field('Connection name'), 'Acme')
    await user.type(field('Account ID'), 'acc')
    await user.type(field('Client ID'), 'client')
    await user.type(field('Client Secret'), 'secret')
    fake.failNext('profiles.create', 'VALIDATION', 'Some fields need attention.', { issues: [{ path: 'fields.clientId', message: 'Another connection already uses this Client ID' }] })
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(errorOf('Client ID')).toBe('Another connection already uses this Client ID'))
    await user.type(field('Client ID'), '2')
    expect(errorOf('Client ID')).toBeUndefined()
  })

  it('on first run, offers the choice of secret storage where saving needs it, then finishes the save', async () => {
    const { user, fake } = await renderApp({ vault: FIRST_RUN_VAULT })
    expect(screen.getByRole('heading', { name: 'How should your secrets be protected?' })).toBeTruthy()
    await fillNewS2S(user)
    await user.click(screen.getByRole('button', { name: 'Save & connect' }))
    const setup = await screen.findByRole('region', { name: 'First, choose how to protect your secrets' })
    await user.click(within(setup).getByRole('button', { name: 'Use the OS keychain' }))
    await screen.findByRole('tab', { name: 'Overview', selected: true })
    expect(fake.callsOf('vault.setup')).toEqual([{ protector: 'os-keychain' }])
    expect(fake.callsOf('profiles.create')).toHaveLength(2)
    expect(fake.callsOf('auth.connect')).toHaveLength(1)
    expect(screen.getByTestId('protection').textContent).toContain('Secrets protected by the OS keychain (gnome_libsecret)')
  })

  it('opens the Zoom Marketplace in the system browser', async () => {
    const { user, fake } = await openNew(/User-managed OAuth app/)
    await user.click(screen.getByRole('link', { name: /Open the Zoom Marketplace/ }))
    expect(fake.callsOf('app.openExternal')).toEqual([{ url: 'https://marketplace.zoom.us/develop/create' }])
  })
})

describe('client secret field', () => {
  const stored = () => makeProfile({ name: 'Stored app' })

  async function openEdit() {
    const profile = stored()
    const app = await renderApp({ profiles: [profile] })
    await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Stored app' }))
    await app.user.click(await screen.findByRole('tab', { name: 'Edit' }))
    return { ...app, profile }
  }

  it('shows a stored secret only as stored: no input, no value', async () => {
    await openEdit()
    expect(screen.getByTestId('secret-stored').textContent).toContain('Stored')
    expect(screen.queryByLabelText('Client Secret', { selector: 'input' })).toBeNull()
    expect(document.querySelectorAll('input[type=password]')).toHaveLength(0)
  })

  it('replaces the secret with an empty, write-only input and never shows it again', async () => {
    const { user, fake, profile } = await openEdit()
    await user.click(screen.getByRole('button', { name: 'Replace secret' }))
    const input = field('Client Secret')
    expect(input.type).toBe('password')
    expect(input.value).toBe('')
    await user.type(input, 'brand-new-secret')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(fake.callsOf('profiles.update')).toHaveLength(1))
    expect(fake.callsOf('profiles.update')[0]).toMatchObject({ id: profile.id, draft: { clientSecret: 'brand-new-secret' } })
    await screen.findByTestId('secret-stored')
    expect(document.body.innerHTML).not.toContain('brand-new-secret')
  })

  it('keeps the stored secret when replacing is abandoned', async () => {
    const { user, fake } = await openEdit()
    await user.click(screen.getByRole('button', { name: 'Replace secret' }))
    await user.type(field('Client Secret'), 'typo')
    await user.click(screen.getByRole('button', { name: 'Keep stored secret' }))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(fake.callsOf('profiles.update')).toHaveLength(1))
    expect(fake.callsOf('profiles.update')[0]?.draft).not.toHaveProperty('clientSecret')
  })

  it('asks for the secret again when the stored one cannot be decrypted', async () => {
    const profile = makeProfile({ name: 'Broken app', needsRepair: ['clientSecret'] })
    const { user } = await renderApp({ profiles: [profile] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Broken app' }))
    expect(screen.getAllByText('Needs repair').length).toBeGreaterThan(0)
    await user.click(screen.getByRole('tab', { name: 'Edit' }))
    expect(field('Client Secret').value).toBe('')
    expect(screen.getByText(/can no longer be decrypted/)).toBeTruthy()
  })
})
