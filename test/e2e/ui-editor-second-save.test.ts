// Issue 13, "The editor and the keyboard": whatever the footer says after Save & connect — "Some
// fields need attention" or "Saved, but connecting failed" because of a field — points at a field
// marked invalid, and the press moves focus to the first one; a second and third press too; the
// sidebar badge shows the failed connect as an error, not "Connected". In real
// Chromium against the sandbox: a Server-to-Server app saved with a wrong Client Secret (Zoom
// answers invalid_client), pressed again unchanged, then fixed; and fields left empty, fixed one by
// one between presses.
import { describe, expect, it } from 'vitest'
import type { Locator } from 'playwright-core'
import { chromiumMissingReason } from '../support/chromium'
import { SUGGESTED_REDIRECT } from '../../renderer/features/editor/draft'
import { expectAccessible, fillNewConnection, readMainClipboard, sidebarState, useUiScenario, waitConnected } from './ui-helpers'

describe.skipIf(chromiumMissingReason !== undefined)('UI: the editor footer always points at a marked, focused field (end to end)', () => {
  const ui = useUiScenario({ sandbox: { seed: 133, users: 10, plan: 'unlimited' } })

  /** The footer's message, the labels of the fields marked invalid, and the label of the focused control. */
  const formState = (editor: Locator) =>
    editor.evaluate((form) => {
      const labelOf = (el: Element | null) => (el instanceof HTMLElement && el.id ? (form.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent?.trim() ?? el.id) : el?.tagName ?? 'none')
      return {
        footer: form.querySelector('.editor-actions [role="alert"]')?.textContent?.trim() ?? '',
        marked: [...form.querySelectorAll('[aria-invalid="true"]')].map(labelOf),
        focused: form.contains(document.activeElement) ? labelOf(document.activeElement) : 'outside the form',
      }
    })

  /** After a press: once the footer speaks, it names something marked, and focus is on the first marked field. */
  async function expectFooterOnFocusedField(editor: Locator, footer: string | RegExp, firstInvalid: string): Promise<void> {
    await expect.poll(async () => (await formState(editor)).footer, { timeout: 15_000 }).toMatch(footer)
    await expect.poll(async () => formState(editor)).toMatchObject({ focused: firstInvalid })
    const state = await formState(editor)
    expect(state.marked[0]).toBe(firstInvalid)
  }

  it('marks and focuses the Client Secret Zoom refused, on the first press and on a second one', async () => {
    const { page } = ui
    const editor = await fillNewConnection(page, {
      kind: 'Server-to-Server OAuth',
      name: 'Second press',
      accountId: ui.zoom.apps.s2s.accountId,
      clientId: ui.zoom.apps.s2s.clientId,
      clientSecret: 'not-the-right-secret-1',
      sandboxUrl: ui.zoom.url,
    })
    const press = () => editor.getByRole('button', { name: 'Save & connect' }).click()
    await press()
    await expectFooterOnFocusedField(editor, /^Saved, but connecting failed: Zoom rejected the Client ID or Client Secret/, 'Client Secret')
    // The badge tells the same truth: not connected.
    await expect.poll(() => sidebarState(page, 'Second press')).toBe('error')
    await ui.harness.screenshot('ui-editor-second-save-01-secret-refused')

    // The second press, nothing changed: the same refusal, still on a marked field, focus back on it.
    await editor.getByLabel('Connection name', { exact: true }).focus()
    await press()
    await expectFooterOnFocusedField(editor, /^Saved, but connecting failed: Zoom rejected the Client ID or Client Secret/, 'Client Secret')
    await ui.harness.screenshot('ui-editor-second-save-02-second-press')
    await expectAccessible(page, 'editor (secret refused twice)')

    await editor.getByLabel('Client Secret', { exact: true }).fill(ui.zoom.apps.s2s.clientSecret)
    expect((await formState(editor)).marked).toEqual([])
    await press()
    await waitConnected(page, 'Second press')
  })

  it('moves the focus on to the next invalid field at each press while some remain, and the summary goes once none do', async () => {
    const { page } = ui
    const editor = await fillNewConnection(page, {
      kind: 'Server-to-Server OAuth',
      name: '',
      accountId: '',
      clientId: ui.zoom.apps.s2s.clientId,
      clientSecret: 'whatever-secret-2',
      sandboxUrl: ui.zoom.url,
    })
    const press = () => editor.getByRole('button', { name: 'Save & connect' }).click()
    await press()
    await expectFooterOnFocusedField(editor, 'Some fields need attention.', 'Connection name')
    await editor.getByLabel('Connection name', { exact: true }).pressSequentially('Fixed one by one')
    // One still needs attention: the summary stays, and points at it.
    expect(await formState(editor)).toMatchObject({ footer: 'Some fields need attention.', marked: ['Account ID'] })
    await press()
    await expectFooterOnFocusedField(editor, 'Some fields need attention.', 'Account ID')
    await ui.harness.screenshot('ui-editor-second-save-03-next-invalid')
    await editor.getByLabel('Account ID', { exact: true }).pressSequentially('acct-fixed')
    expect(await formState(editor)).toMatchObject({ footer: '', marked: [] })
  })

  it('starts the redirect URL with the suggested value, a value Copy can copy (not a placeholder)', async () => {
    const { page } = ui
    await page.getByRole('button', { name: 'Add connection' }).click()
    const editor = page.getByRole('form', { name: 'New connection' })
    await editor.getByRole('radio', { name: /^User-managed OAuth app/ }).check()
    const redirect = editor.getByLabel('Redirect URL', { exact: true })
    expect(await redirect.inputValue()).toBe(SUGGESTED_REDIRECT)
    const copy = editor.getByRole('button', { name: 'Copy redirect URL' })
    expect(await copy.isEnabled()).toBe(true)
    await copy.click()
    await expect.poll(() => readMainClipboard(ui.harness)).toBe(SUGGESTED_REDIRECT)
    await ui.harness.screenshot('ui-editor-second-save-04-suggested-redirect')
  })

  it('opened no page error on the way', () => {
    expect(ui.harness.pageErrors).toEqual([])
  })
})
