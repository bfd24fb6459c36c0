// Issue 6, scenario 1: the connections screens in real Chromium against the sandbox. First run
// (keychain), a Server-to-Server connection typed into the guided editor and connected with
// "Save & connect", then duplicate, filter and delete from the sidebar; the secret typed into the
// editor never comes back (DOM, bridge replies, files).
import { describe, expect, it } from 'vitest'
import { findCanaries, readAllFiles } from '../support/canary'
import { chromiumMissingReason } from '../support/chromium'
import { canarySecret, chooseKeychain, expectAccessible, fillNewConnection, sidebarItem, sidebarState, useUiScenario, waitConnected } from './ui-helpers'

const SECRET = canarySecret('s2s')
const NAME = 'Acme S2S'
const COPY = 'Acme S2S (copy)'

describe.skipIf(chromiumMissingReason !== undefined)('UI: connections (end to end)', () => {
  const ui = useUiScenario({ sandbox: { seed: 61, users: 20, plan: 'unlimited', apps: { s2s: { clientSecret: SECRET } } }, keychain: false })

  it('first run: asks how to protect secrets, the OS keychain is chosen', async () => {
    const { page } = ui
    await page.getByRole('heading', { name: 'How should your secrets be protected?' }).waitFor()
    await ui.harness.screenshot('ui-connections-01-first-run')
    await expectAccessible(page, 'first run')
    await chooseKeychain(page)
    await expect.poll(() => page.getByTestId('protection').innerText()).toMatch(/keychain/i)
  })

  it('adds a Server-to-Server connection in the guided editor: Save & connect → connected', async () => {
    const { page } = ui
    const editor = await fillNewConnection(page, {
      kind: 'Server-to-Server OAuth',
      name: NAME,
      accountId: ui.zoom.apps.s2s.accountId,
      clientId: ui.zoom.apps.s2s.clientId,
      clientSecret: SECRET,
      sandboxUrl: ui.zoom.url,
    })
    await expect.poll(() => editor.getByRole('radio', { name: /^Server-to-Server OAuth/ }).isChecked()).toBe(true)
    await expect.poll(() => editor.getByRole('link', { name: 'Open the Zoom Marketplace' }).count()).toBe(1)
    await ui.harness.screenshot('ui-connections-02-editor-s2s')
    await expectAccessible(page, 'editor (new Server-to-Server)')
    const tokensBefore = ui.zoom.stats().tokenRequests.account_credentials ?? 0

    await editor.getByRole('button', { name: 'Save & connect' }).click()
    await waitConnected(page, NAME)
    expect(ui.zoom.stats().tokenRequests.account_credentials ?? 0).toBe(tokensBefore + 1)
    expect(await page.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected')).toBe('true')
    await expect.poll(() => sidebarState(page, NAME)).toBe('connected')
    await expect.poll(() => sidebarItem(page, NAME).innerText()).toContain('Connected')
    // The countdown of a fresh 1-hour token: "59 min" or so, never "—" or "expired".
    await expect.poll(() => page.getByTestId('expires-in').innerText()).toMatch(/\d+\s*(min|m)\b/)
    for (const region of ['Token', 'Scopes', 'Rate limits', 'Timeline']) expect(await page.getByRole('region', { name: region }).count(), region).toBe(1)
    await ui.harness.screenshot('ui-connections-03-overview-connected')
    await expectAccessible(page, 'overview (connected)')
  })

  it('shows the saved secret only as "stored" in the editor', async () => {
    const { page } = ui
    await page.getByRole('tab', { name: 'Edit' }).click()
    await expect.poll(() => page.getByTestId('secret-stored').count()).toBe(1)
    expect(await page.getByRole('button', { name: 'Replace secret' }).count()).toBe(1)
    await ui.harness.screenshot('ui-connections-04-edit-secret-stored')
    await expectAccessible(page, 'editor (saved connection)')
    await page.getByRole('tab', { name: 'Overview' }).click()
  })

  it('never shows the typed secret again: not in the DOM, a bridge reply or a file', async () => {
    const { page } = ui
    expect(findCanaries(await page.content(), [SECRET])).toEqual([])
    expect(findCanaries(ui.harness.bridgeTranscript.join('\n'), [SECRET])).toEqual([])
    const files = await readAllFiles(ui.harness.dataDir)
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) expect(findCanaries(file.text, [SECRET]), file.path).toEqual([])
    expect(findCanaries(JSON.stringify(ui.harness.logs.records), [SECRET])).toEqual([])
  })

  it('duplicates a connection from its sidebar menu', async () => {
    const { page } = ui
    await page.getByRole('button', { name: `More actions for ${NAME}` }).first().click()
    await page.getByRole('menuitem', { name: 'Duplicate' }).click()
    await sidebarItem(page, COPY).waitFor()
    const nav = page.getByRole('navigation', { name: 'Connections' })
    await expect.poll(() => nav.getByRole('listitem').count()).toBe(2)
    // A copy carries the fields, not the secret or the tokens: it is not connected.
    await expect.poll(() => sidebarState(page, COPY)).toBe('disconnected')
    await ui.harness.screenshot('ui-connections-05-duplicated')
  })

  it('filters the sidebar by name', async () => {
    const { page } = ui
    const nav = page.getByRole('navigation', { name: 'Connections' })
    await page.getByRole('searchbox', { name: 'Filter connections' }).fill('copy')
    await expect.poll(() => nav.getByRole('listitem').count()).toBe(1)
    expect(await nav.getByRole('button', { name: COPY, exact: true }).count()).toBe(1)
    await page.getByRole('searchbox', { name: 'Filter connections' }).fill('no such connection')
    await expect.poll(() => nav.getByText('No connection matches the filter.').count()).toBe(1)
    await ui.harness.screenshot('ui-connections-06-filter-empty')
    await expectAccessible(page, 'sidebar (filter without match)')
    await nav.getByRole('button', { name: 'Clear filter' }).click()
    await expect.poll(() => nav.getByRole('listitem').count()).toBe(2)
  })

  it('deletes the connected connection after a confirmation that names what it revokes', async () => {
    const { page } = ui
    const revocationsBefore = ui.zoom.stats().revocations
    await sidebarItem(page, NAME).getByRole('button', { name: `More actions for ${NAME}` }).click()
    await page.getByRole('menuitem', { name: 'Delete…' }).click()
    const dialog = page.getByRole('alertdialog', { name: `Delete “${NAME}”?` })
    await dialog.waitFor()
    const text = await dialog.innerText()
    expect(text).toMatch(/revoke its access token at Zoom/)
    expect(text).toMatch(/forget its Client Secret/)
    expect(text).toMatch(/Zoom Marketplace is not changed/)
    await ui.harness.screenshot('ui-connections-07-delete-confirmation')
    await expectAccessible(page, 'delete confirmation')
    await dialog.getByRole('button', { name: 'Delete connection' }).click()
    await dialog.waitFor({ state: 'detached' })
    const nav = page.getByRole('navigation', { name: 'Connections' })
    await expect.poll(() => nav.getByRole('listitem').count()).toBe(1)
    expect(await nav.getByRole('button', { name: NAME, exact: true }).count()).toBe(0)
    expect(ui.zoom.stats().revocations).toBe(revocationsBefore + 1)
    await ui.harness.screenshot('ui-connections-08-deleted')
  })

  it('opened no page error (CSP, React, uncaught) on the way', () => {
    expect(ui.harness.pageErrors).toEqual([])
  })
})
