// Issue 13, "Scopes, said once", in real Chromium against the sandbox: for a user-managed app, the
// editor's Users preset, the Browse tab's warning and the message of Zoom's refusal after Load name
// the same scopes — only ones a user-level app can be granted.
import { describe, expect, it } from 'vitest'
import { LIST_RESOURCES, scopeMissingMessage, scopesForApp } from '../../common/zoom/catalog'
import { chromiumMissingReason } from '../support/chromium'
import { expectAccessible, fillUserOAuthConnection, signInAndAllow, useUiScenario, waitConnected } from './ui-helpers'

const NAME = 'My own data'

describe.skipIf(chromiumMissingReason !== undefined)('UI: scopes said once (end to end)', () => {
  const ui = useUiScenario({ sandbox: { seed: 137, users: 10, plan: 'unlimited' } })

  it('offers a user-level Users preset that does not promise listing users', async () => {
    const { page } = ui
    const editor = await fillUserOAuthConnection(page, ui.zoom, NAME)
    await editor.getByRole('radio', { name: 'Granular scopes' }).check()
    const users = editor.getByRole('checkbox', { name: /^Users/ })
    const preset = users.locator('xpath=ancestor::label[1]')
    expect(await preset.innerText()).not.toContain('List users')
    await users.check()
    await expect.poll(() => editor.getByLabel('Scopes', { exact: true }).inputValue()).toBe('user:read:user')
    await editor.getByRole('button', { name: 'Save & connect' }).click()
    await signInAndAllow(ui.harness, ui.zoom)
    await waitConnected(page, NAME)
  })

  it('warns on the Meetings tab and refuses on Load in the same words, naming only user-level scopes', async () => {
    const { page } = ui
    await page.getByRole('tab', { name: 'Browse' }).click()
    await page.getByRole('tab', { name: 'Meetings' }).click()
    const expected = scopeMissingMessage(LIST_RESOURCES.meetings, 'user')
    const advice = page.getByTestId('scope-advice')
    await expect.poll(() => advice.innerText()).toBe(expected)
    for (const scope of scopesForApp(LIST_RESOURCES.meetings, 'user')) expect(expected).toContain(scope)
    expect(expected).not.toMatch(/:admin\b|:master\b/)

    await page.getByRole('button', { name: 'Load meetings' }).click()
    // Zoom's 4711 names every scope the endpoint accepts; the app says what this app type can add.
    const refusal = page.locator('.callout[role="alert"]').or(page.locator('.crawl [role="alert"]')).first()
    await expect.poll(() => refusal.innerText(), { timeout: 15_000 }).toContain(expected)
    expect(await refusal.innerText()).not.toMatch(/:admin\b|:master\b/)
    await ui.harness.screenshot('ui-scopes-once-01-warning-and-refusal')
    await expectAccessible(page, 'browse (scope missing)')
  })

  it('opened no page error on the way', () => {
    expect(ui.harness.pageErrors).toEqual([])
  })
})
