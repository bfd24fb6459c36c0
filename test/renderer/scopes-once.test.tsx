// @vitest-environment happy-dom
// Scopes said once: the Browse tab warning, the 403 shown after Load and the editor's presets name
// the scopes the app type can be granted, from the one source in common/zoom/scopes.
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { LIST_RESOURCES, scopeMissingMessage, scopesForApp } from '../../common/zoom/catalog'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

const userApp = () => makeProfile({ name: 'Mine', grant: 'authorization_code', appType: 'user', accountId: '', redirectUri: 'https://localhost/cb', scopes: ['user:read:user'] })

describe('scopes said once', () => {
  it('warns on a Browse tab with the scopes a user-level app can be granted, as main’s 403 does', async () => {
    const profile = userApp()
    const { user } = await renderApp({ profiles: [profile], statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: ['user:read:user'], hasRefreshToken: true }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Mine' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    await user.click(await screen.findByRole('tab', { name: 'Meetings' }))
    const advice = await screen.findByTestId('scope-advice')
    expect(advice.textContent).toBe(scopeMissingMessage(LIST_RESOURCES.meetings, 'user'))
    // Never an admin-level scope a user-managed app cannot have.
    expect(advice.textContent).not.toMatch(/:admin\b|:master\b/)
    expect(scopesForApp(LIST_RESOURCES.meetings, 'user').every((s) => advice.textContent?.includes(s))).toBe(true)
  })

  it('shows main’s 403 as it is, without naming other scopes', async () => {
    const profile = makeProfile({ name: 'Acme', scopes: ['user:read:admin'] })
    const { user, fake } = await renderApp({ profiles: [profile], statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: [], hasRefreshToken: false }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await user.click(await screen.findByRole('tab', { name: 'Browse' }))
    const message = scopeMissingMessage(LIST_RESOURCES.users, 'admin')
    fake.failNext('data.crawl', 'ZOOM_SCOPE_MISSING', message, { acceptedScopes: scopesForApp(LIST_RESOURCES.users, 'admin') })
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(message))
  })

  it('does not promise "List users" from the Users preset of a user-level app with granular scopes', async () => {
    const { user } = await renderApp()
    await user.click(screen.getByRole('button', { name: /User-managed OAuth app/ }))
    await screen.findByRole('heading', { name: 'New connection' })
    await user.click(screen.getByRole('radio', { name: 'Granular scopes' }))
    const preset = screen.getByRole('checkbox', { name: /^Users/ }).closest('label')!
    expect(preset.textContent).not.toContain('List users')
    expect(preset.textContent).toContain('User details only')
  })
})
