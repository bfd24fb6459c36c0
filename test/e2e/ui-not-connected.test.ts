// A newcomer's first step in `npm run demo`: the demo's connections are created but not connected,
// and Browse lets a list be loaded anyway. The failure has to say what to do next (press Connect),
// not only that the connection "is not connected"; once connected, loading the list works.
import { describe, expect, it } from 'vitest'
import { chromiumMissingReason } from '../support/chromium'
import { useUiScenario } from './ui-helpers'

const NAME = 'Sandbox · Server-to-Server'

describe.skipIf(chromiumMissingReason !== undefined)('UI: loading a list before connecting (end to end)', () => {
  const ui = useUiScenario({
    sandbox: { seed: 7, users: 30 },
    // The demo sets up the vault and its connections itself: no first-run choice to make.
    keychain: false,
    beforeApp: async (scenario) => ({ env: { ZOOM_CONNECT_DEMO: JSON.stringify({ url: scenario.zoom.url, apps: scenario.zoom.apps }) } }),
  })

  it('says to press Connect, and loads once connected', async () => {
    const { page } = ui
    await page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: NAME, exact: true }).click()
    await page.getByRole('tab', { name: 'Browse' }).click()
    await page.getByRole('button', { name: 'Load users' }).click()
    await page.locator('.crawl[data-state="failed"]').waitFor()
    const alert = page.locator('.crawl').getByRole('alert')
    expect(await alert.innerText()).toBe(`"${NAME}" is not connected: press Connect on its page, then try again.`)

    await page.getByRole('button', { name: 'Connect', exact: true }).click()
    await page.locator('.conn-head .badge[data-state="connected"]').waitFor()
    await page.getByRole('button', { name: 'Reload users' }).click()
    await page.locator('.crawl[data-state="done"]').waitFor()
    expect(await page.locator('.crawl').getByRole('alert').count()).toBe(0)
  })
})
