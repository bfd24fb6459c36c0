// Issue 13, "A status that tells the truth" and "OAuth failures in plain words", in real Chromium
// against the sandbox: Zoom's error page for an unregistered redirect URL is read and shown with
// the URL to register; an open connect window is explained and can be cancelled; a revoked grant
// and an unreachable Zoom show on the badge, and a failed Test connection offers Reconnect.
import { describe, expect, it } from 'vitest'
import { chromiumMissingReason } from '../support/chromium'
import { expectAccessible, fillUserOAuthConnection, sidebarItem, sidebarState, signInAndAllow, useUiScenario, waitConnected } from './ui-helpers'

const NAME = 'Status user app'
const UNREGISTERED = 'https://localhost/not-registered/callback'

describe.skipIf(chromiumMissingReason !== undefined)('UI: a status that tells the truth (end to end)', () => {
  const ui = useUiScenario({ sandbox: { seed: 133, users: 10, plan: 'unlimited' } })

  it('reads Zoom’s error page for an unregistered redirect URL and says which URL to register', async () => {
    const { page } = ui
    const editor = await fillUserOAuthConnection(page, ui.zoom, NAME, { redirectUrl: UNREGISTERED })
    await editor.getByRole('button', { name: 'Save & connect' }).click()
    // Not "Waiting for the Zoom sign-in…" forever, nor "the window was closed": Zoom's own reason.
    const formError = editor.locator('.form-error')
    await expect.poll(() => formError.innerText(), { timeout: 15_000 }).toMatch(/4700|redirect/i)
    expect(await formError.innerText()).not.toMatch(/closed before Zoom finished/)
    await expect.poll(() => sidebarState(page, NAME)).toBe('error')
    await ui.harness.screenshot('ui-status-01-redirect-not-registered-editor')
    // That connect window ended on Zoom's error page without the test driving it.
    ui.harness.authWindow.skipOpened()

    await sidebarItem(page, NAME).getByRole('button', { name: NAME, exact: true }).click()
    await page.getByRole('tab', { name: 'Overview' }).click()
    const help = page.getByTestId('redirect-help')
    await help.waitFor()
    expect(await help.innerText()).toContain(UNREGISTERED)
    expect(await help.getByRole('button', { name: 'Copy redirect URL' }).isEnabled()).toBe(true)
    await ui.harness.screenshot('ui-status-02-redirect-not-registered-overview')
    await expectAccessible(page, 'overview (redirect not registered)')
  })

  it('explains an open connect window and lets Cancel stop it', async () => {
    const { page } = ui
    await page.getByRole('tab', { name: 'Edit' }).click()
    const editor = page.getByRole('form', { name: `Edit ${NAME}` })
    await editor.getByLabel('Redirect URL', { exact: true }).fill(ui.zoom.apps.userOAuth.redirectUri)
    await editor.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByText(`Saved “${NAME}”`).first().waitFor()
    await page.getByRole('button', { name: 'Reconnect' }).first().click()
    const consent = await ui.harness.authWindow.nextPage()
    await consent.getByLabel('Email').waitFor()
    const explainer = page.locator('.connect-explainer')
    await expect.poll(() => explainer.innerText()).toMatch(/A Zoom sign-in window is open\. Sign in there and press Allow/)
    await ui.harness.screenshot('ui-status-03-connect-window-open')
    await expectAccessible(page, 'connection (connect window open)')
    await page.getByRole('button', { name: 'Cancel sign-in' }).click()
    await explainer.waitFor({ state: 'detached' })
    await expect.poll(() => consent.isClosed()).toBe(true)
  })

  it('connects, then shows a revoked grant on the badge and offers Reconnect after Test connection', async () => {
    const { page } = ui
    await page.getByRole('button', { name: /^(Re)?connect$/i }).first().click()
    await signInAndAllow(ui.harness, ui.zoom)
    await waitConnected(page, NAME)
    await page.getByRole('tab', { name: 'Overview' }).click()

    ui.zoom.revokeAllGrants()
    const token = page.getByRole('region', { name: 'Token' })
    await token.getByRole('button', { name: 'Test connection' }).click()
    const reconnect = token.getByRole('button', { name: 'Reconnect' })
    await reconnect.waitFor()
    await expect.poll(() => sidebarState(page, NAME)).not.toBe('connected')
    await ui.harness.screenshot('ui-status-04-test-failed-reconnect')
    await reconnect.click()
    // The connect window remembers the Zoom sign-in: Zoom asks only to Allow again.
    const consent = await ui.harness.authWindow.nextPage()
    await consent.getByRole('button', { name: 'Allow' }).click()
    await expect.poll(() => sidebarState(page, NAME)).toBe('connected')
  })

  it('shows an unreachable Zoom on the badge until a call works again', async () => {
    const { page } = ui
    ui.zoom.setFaults([{ kind: 'reset', pathPrefix: '/v2' }])
    const token = page.getByRole('region', { name: 'Token' })
    await token.getByRole('button', { name: 'Test connection' }).click()
    await expect.poll(() => sidebarState(page, NAME), { timeout: 15_000 }).toBe('error')
    await ui.harness.screenshot('ui-status-05-zoom-unreachable')
    ui.zoom.setFaults([])
    await token.getByRole('button', { name: 'Test connection' }).click()
    await expect.poll(() => sidebarState(page, NAME), { timeout: 15_000 }).toBe('connected')
  })

  it('opened no page error on the way', () => {
    expect(ui.harness.pageErrors).toEqual([])
  })
})
