// The editor's scope style against the sandbox, whose authorize endpoint refuses ("Invalid scope")
// a request naming none of the app's scopes, as Zoom does. Its public app has granular scopes like
// any app made today; its user-managed app is set up here as an older app with classic scopes.
import { describe, expect, it } from 'vitest'
import { chromiumMissingReason } from '../support/chromium'
import { fillNewConnection, fillUserOAuthConnection, signInAndAllow, useUiScenario, waitConnected } from './ui-helpers'

const CLASSIC_APP_SCOPES = ['user:read', 'meeting:read']

describe.skipIf(chromiumMissingReason !== undefined)('UI: scope style (end to end)', () => {
  const ui = useUiScenario({ sandbox: { seed: 138, users: 10, plan: 'unlimited', apps: { userOAuth: { scopes: CLASSIC_APP_SCOPES } } } })

  it('a new public (PKCE) connection asks Zoom for granular scopes without the style being touched, and connects', async () => {
    const { page, zoom } = ui
    const app = zoom.apps.public
    const editor = await fillNewConnection(page, { kind: 'Public app (PKCE)', name: 'New PKCE app', clientId: app.clientId, redirectUrl: app.redirectUri, sandboxUrl: zoom.url })
    expect(await editor.getByRole('radio', { name: 'Granular scopes' }).isChecked()).toBe(true)
    await editor.getByRole('checkbox', { name: /^Users/ }).check()
    await editor.getByRole('checkbox', { name: /^Meetings/ }).check()
    await editor.getByRole('button', { name: 'Save & connect' }).click()
    await signInAndAllow(ui.harness, zoom)
    await waitConnected(page, 'New PKCE app')
    const authorizeUrl = new URL(ui.harness.authWindow.requests.at(-1)!.url)
    expect(authorizeUrl.searchParams.get('scope')).toBe('user:read:user meeting:read:list_meetings meeting:read:meeting')
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256')
  })

  it('Classic, when chosen for an older app, asks for classic scopes and connects', async () => {
    const { page, zoom } = ui
    const editor = await fillUserOAuthConnection(page, zoom, 'Older app')
    await editor.getByRole('radio', { name: 'Classic scopes' }).check()
    await editor.getByRole('checkbox', { name: /^Users/ }).check()
    await editor.getByRole('checkbox', { name: /^Meetings/ }).check()
    await expect.poll(() => editor.getByLabel('Scopes', { exact: true }).inputValue()).toBe(CLASSIC_APP_SCOPES.join(' '))
    await editor.getByRole('button', { name: 'Save & connect' }).click()
    await signInAndAllow(ui.harness, zoom)
    await waitConnected(page, 'Older app')
    expect(new URL(ui.harness.authWindow.requests.at(-1)!.url).searchParams.get('scope')).toBe(CLASSIC_APP_SCOPES.join(' '))
    await expect.poll(() => page.getByRole('region', { name: 'Scopes' }).innerText()).toContain('meeting:read')
  })
})
