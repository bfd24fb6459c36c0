// Issue 6, scenario 2: a user-managed OAuth app typed into the guided editor, "Save & connect",
// signed in and allowed in the connect window (the sandbox's consent page), then Test connection,
// Copy access token (main writes the clipboard; the DOM never holds the token), Cancel sign-in,
// Sign out of Zoom, and Disconnect with its confirmation.
import { describe, expect, it } from 'vitest'
import { findCanaries, readAllFiles, SANDBOX_TOKEN_PREFIX } from '../support/canary'
import { chromiumMissingReason } from '../support/chromium'
import { canarySecret, expectAccessible, fillUserOAuthConnection, readMainClipboard, sidebarState, signInAndAllow, useUiScenario, waitConnected } from './ui-helpers'

const SECRET = canarySecret('user')
const NAME = 'My user app'

describe.skipIf(chromiumMissingReason !== undefined)('UI: user-managed OAuth (end to end)', () => {
  const ui = useUiScenario({ sandbox: { seed: 62, users: 20, plan: 'unlimited', apps: { userOAuth: { clientSecret: SECRET } } } })

  it('guides a user-managed app: redirect URL, scopes presets, then Save & connect opens the connect window', async () => {
    const { page } = ui
    const editor = await fillUserOAuthConnection(page, ui.zoom, NAME, { clientSecret: SECRET })
    // No Account ID for this kind; the sign-in goes through the connect window by default.
    expect(await editor.getByLabel('Account ID', { exact: true }).count()).toBe(0)
    expect(await editor.getByLabel('Sign in with', { exact: true }).inputValue()).toBe('connect-window')
    // Granular without being chosen: the sandbox's app, like any made today, refuses classic names.
    expect(await editor.getByRole('radio', { name: 'Granular scopes' }).isChecked()).toBe(true)
    await editor.getByRole('checkbox', { name: /^Users/ }).check()
    await expect.poll(() => editor.getByLabel('Scopes', { exact: true }).inputValue()).toBe('user:read:user')
    await ui.harness.screenshot('ui-oauth-01-editor-user-app')
    await expectAccessible(page, 'editor (new user-managed app)')
    // The copy buttons hand non-secret text to main's clipboard, exactly as shown.
    await editor.getByRole('button', { name: 'Copy redirect URL' }).click()
    await expect.poll(() => readMainClipboard(ui.harness)).toBe(ui.zoom.apps.userOAuth.redirectUri)
    await editor.getByRole('button', { name: 'Copy scopes' }).click()
    await expect.poll(() => readMainClipboard(ui.harness)).toBe('user:read:user')

    await editor.getByRole('button', { name: 'Save & connect' }).click()
    await signInAndAllow(ui.harness, ui.zoom, 'ui-oauth-02-waiting-for-sign-in')
    await waitConnected(page, NAME)
    await expect.poll(() => sidebarState(page, NAME)).toBe('connected')
    const authorizeUrl = new URL(ui.harness.authWindow.requests.at(-1)!.url)
    expect(authorizeUrl.searchParams.get('scope')).toBe('user:read:user')
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(ui.zoom.apps.userOAuth.redirectUri)
    await expect.poll(() => page.getByRole('region', { name: 'Token' }).innerText()).toMatch(/refresh token stored/i)
    await expect.poll(() => page.getByRole('region', { name: 'Scopes' }).innerText()).toContain('user:read:user')
    await ui.harness.screenshot('ui-oauth-03-overview-connected')
    await expectAccessible(page, 'overview (user-managed app)')
  })

  it('Test connection says who the token belongs to', async () => {
    const { page } = ui
    const token = page.getByRole('region', { name: 'Token' })
    await token.getByRole('button', { name: 'Test connection' }).click()
    await expect.poll(() => token.locator('.test-result').innerText()).toMatch(/Works — signed in as .+ · HTTP 200/)
    expect(await token.locator('.test-result').innerText()).toContain(ui.zoom.login.email)
    await ui.harness.screenshot('ui-oauth-04-test-connection')
  })

  it('Copy access token puts the token on the clipboard through main, never in the page', async () => {
    const { page } = ui
    ui.harness.clipboard.text = ''
    await page.getByRole('button', { name: 'Copy access token' }).click()
    await expect.poll(() => ui.harness.clipboard.text).not.toBe('')
    expect(ui.harness.clipboard.text.startsWith(SANDBOX_TOKEN_PREFIX)).toBe(true)
    await page.getByText('Access token copied', { exact: true }).waitFor()
    await ui.harness.screenshot('ui-oauth-05-token-copied')
    const needles = [ui.harness.clipboard.text, SANDBOX_TOKEN_PREFIX, SECRET]
    expect(findCanaries(await page.content(), needles)).toEqual([])
    expect(findCanaries(ui.harness.bridgeTranscript.join('\n'), needles)).toEqual([])
    for (const file of await readAllFiles(ui.harness.dataDir)) expect(findCanaries(file.text, needles), file.path).toEqual([])
  })

  it('Reconnect opens the connect window again; Cancel sign-in gives up without breaking the connection', async () => {
    const { page } = ui
    await page.getByRole('button', { name: 'Reconnect', exact: true }).click()
    const consent = await ui.harness.authWindow.nextPage()
    await page.getByRole('button', { name: 'Cancel sign-in' }).waitFor()
    await ui.harness.screenshot('ui-oauth-06-sign-in-pending')
    await expectAccessible(page, 'overview (sign-in pending)')
    await page.getByRole('button', { name: 'Cancel sign-in' }).click()
    await expect.poll(() => consent.isClosed()).toBe(true)
    await page.getByRole('button', { name: 'Reconnect', exact: true }).waitFor()
    await page.getByRole('button', { name: 'Cancel sign-in' }).waitFor({ state: 'detached' })
    // The token from the first sign-in is still there and still works.
    await expect.poll(() => sidebarState(page, NAME)).toBe('connected')
  })

  it('Sign out of Zoom clears the connect window’s remembered sign-in', async () => {
    const { page } = ui
    const cleared = ui.harness.authWindow.clearedPartitions.length
    await page.getByRole('button', { name: 'Sign out of Zoom' }).click()
    await page.getByText('Signed out of Zoom', { exact: true }).waitFor()
    expect(ui.harness.authWindow.clearedPartitions.length).toBe(cleared + 1)
  })

  it('Disconnect asks first, then revokes the token at Zoom', async () => {
    const { page } = ui
    const revocations = ui.zoom.stats().revocations
    await page.getByRole('button', { name: 'Disconnect', exact: true }).click()
    const dialog = page.getByRole('alertdialog', { name: `Disconnect “${NAME}”?` })
    expect(await dialog.innerText()).toMatch(/revoked at Zoom/)
    await expectAccessible(page, 'disconnect confirmation')
    await dialog.getByRole('button', { name: 'Disconnect', exact: true }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => sidebarState(page, NAME)).toBe('disconnected')
    await page.getByRole('button', { name: 'Connect', exact: true }).waitFor()
    expect(ui.zoom.stats().revocations).toBeGreaterThan(revocations)
    await ui.harness.screenshot('ui-oauth-07-disconnected')
  })

  it('opened no page error on the way', () => {
    expect(ui.harness.pageErrors).toEqual([])
  })
})
