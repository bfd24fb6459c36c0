// Issue 6, scenario 6: Settings in real Chromium. The dark theme and back, the clipboard delay,
// the connect-window sign-in switch and a connection's rate-limit plan (each saved in main), then
// a passphrase instead of the keychain: Lock now → "Secrets are locked" → a wrong passphrase is
// refused → the right one unlocks and the connection is connected again. The passphrase never
// reaches the page after use, a bridge reply or a file.
import { beforeAll, describe, expect, it } from 'vitest'
import { findCanaries, readAllFiles } from '../support/canary'
import { chromiumMissingReason } from '../support/chromium'
import { value } from './bridge'
import { expectAccessible, sidebarState, useUiScenario } from './ui-helpers'

const NAME = 'Settings account'
const PASSPHRASE = `CANARY-UI-PASSPHRASE-${Math.random().toString(36).slice(2, 10)}`

describe.skipIf(chromiumMissingReason !== undefined)('UI: settings and the passphrase lock (end to end)', () => {
  const ui = useUiScenario({ sandbox: { seed: 66, users: 10, plan: 'unlimited' }, connection: { name: NAME } })
  beforeAll(async () => {
    await ui.page.getByRole('button', { name: 'Settings', exact: true }).click()
    await ui.page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
  })

  const background = () => ui.page.evaluate(() => getComputedStyle(document.body).backgroundColor)

  it('switches to the dark theme and back', async () => {
    const { page } = ui
    await ui.harness.screenshot('ui-settings-01-light')
    await expectAccessible(page, 'settings (light)')
    const light = await background()
    await page.getByLabel('Theme', { exact: true }).selectOption('dark')
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
    await expect.poll(background).not.toBe(light)
    await expect.poll(async () => (await value(page, 'settings.get')).theme).toBe('dark')
    await ui.harness.screenshot('ui-settings-02-dark')
    await expectAccessible(page, 'settings (dark)')
    await page.getByLabel('Theme', { exact: true }).selectOption('light')
    await expect.poll(background).toBe(light)
    await expect.poll(async () => (await value(page, 'settings.get')).theme).toBe('light')
  })

  it('saves the clipboard delay, the sign-in switch and a connection’s plan in main', async () => {
    const { page } = ui
    await page.getByLabel('Clear a copied token from the clipboard after', { exact: true }).selectOption('10')
    await expect.poll(async () => (await value(page, 'settings.get')).clipboardClearSeconds).toBe(10)

    const remember = page.getByRole('switch', { name: 'Remember the Zoom sign-in in the connect window' })
    const before = (await remember.getAttribute('aria-checked')) === 'true'
    await remember.click()
    await expect.poll(() => remember.getAttribute('aria-checked')).toBe(String(!before))
    await expect.poll(async () => (await value(page, 'settings.get')).rememberZoomSignIn).toBe(!before)

    await page.getByLabel(NAME, { exact: true }).selectOption('business')
    await expect.poll(async () => (await value(page, 'profiles.list')).find((p) => p.name === NAME)?.ratePlan).toBe('business')
  })

  it('sets a passphrase instead of the keychain', async () => {
    const { page } = ui
    await page.getByRole('button', { name: 'Use a passphrase instead…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Protect secrets with a passphrase' })
    await dialog.getByLabel('New passphrase', { exact: true }).fill('short')
    await dialog.getByLabel('Repeat the passphrase', { exact: true }).fill('short')
    await dialog.getByRole('button', { name: 'Set passphrase' }).click()
    await dialog.getByText('Use at least 8 characters').waitFor()
    await dialog.getByLabel('New passphrase', { exact: true }).fill(PASSPHRASE)
    await dialog.getByLabel('Repeat the passphrase', { exact: true }).fill(PASSPHRASE)
    await ui.harness.screenshot('ui-settings-03-passphrase-dialog')
    await expectAccessible(page, 'passphrase dialog')
    await dialog.getByRole('button', { name: 'Set passphrase' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('protection').innerText()).toMatch(/passphrase/i)
    await page.getByRole('button', { name: 'Lock now' }).waitFor()
    await ui.harness.screenshot('ui-settings-04-passphrase-set')
  })

  it('Lock now shows the unlock screen in place of the connection', async () => {
    const { page } = ui
    await page.getByRole('button', { name: 'Lock now' }).click()
    await page.getByText('Secrets locked', { exact: true }).waitFor()
    await expect.poll(() => sidebarState(page, NAME)).toBe('locked')
    await page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: NAME, exact: true }).click()
    await page.getByRole('heading', { name: 'Secrets are locked' }).waitFor()
    await ui.harness.screenshot('ui-settings-05-locked')
    await expectAccessible(page, 'unlock screen')
  })

  it('refuses a wrong passphrase with a readable error', async () => {
    const { page } = ui
    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase')
    await page.getByRole('button', { name: 'Unlock' }).click()
    const error = page.getByRole('alert').filter({ hasText: /\w/ })
    await expect.poll(() => error.first().innerText()).toMatch(/passphrase/i)
    expect(await page.getByLabel('Passphrase', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    await page.getByRole('heading', { name: 'Secrets are locked' }).waitFor()
    await ui.harness.screenshot('ui-settings-06-wrong-passphrase')
    await expectAccessible(page, 'unlock screen (wrong passphrase)')
  })

  it('unlocks with the right passphrase: the connection is connected again', async () => {
    const { page } = ui
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Unlock' }).click()
    await page.getByRole('heading', { name: 'Secrets are locked' }).waitFor({ state: 'detached' })
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor()
    await expect.poll(() => sidebarState(page, NAME)).toBe('connected')
    // The token kept under the new protection still works.
    await page.getByRole('region', { name: 'Token' }).getByRole('button', { name: 'Test connection' }).click()
    await expect.poll(() => page.getByRole('region', { name: 'Token' }).locator('.test-result').innerText()).toMatch(/Works/)
    await ui.harness.screenshot('ui-settings-07-unlocked')
  })

  it('keeps the passphrase out of the page, the bridge replies, the logs and the files', async () => {
    expect(findCanaries(await ui.page.content(), [PASSPHRASE])).toEqual([])
    expect(findCanaries(ui.harness.bridgeTranscript.join('\n'), [PASSPHRASE])).toEqual([])
    expect(findCanaries(JSON.stringify(ui.harness.logs.records), [PASSPHRASE])).toEqual([])
    for (const file of await readAllFiles(ui.harness.dataDir)) expect(findCanaries(file.text, [PASSPHRASE]), file.path).toEqual([])
  })

  it('opened no page error on the way', () => {
    expect(ui.harness.pageErrors).toEqual([])
  })
})
