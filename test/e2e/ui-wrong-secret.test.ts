// A Server-to-Server connection saved with a Client Secret Zoom refuses: the overview must say what
// to do (Reconnect only fails again the same way) and take the person to the one field to fix, with
// everything else they typed still in place. Zoom's words are shown once, not quoted twice.
import { describe, expect, it } from 'vitest'
import { chromiumMissingReason } from '../support/chromium'
import { fillNewConnection, useUiScenario, waitConnected } from './ui-helpers'

const NAME = 'Wrong secret'

describe.skipIf(chromiumMissingReason !== undefined)('UI: a Client Secret Zoom refuses (end to end)', () => {
  const ui = useUiScenario({ sandbox: { seed: 7, users: 10 } })

  it('says to fix the credentials in Edit, and Save & connect with the right secret works', async () => {
    const { page, zoom } = ui
    const { accountId, clientId, clientSecret } = zoom.apps.s2s
    const editor = await fillNewConnection(page, { kind: 'Server-to-Server OAuth', name: NAME, accountId, clientId, clientSecret: 'not-the-secret-zoom-knows-00000000', sandboxUrl: zoom.url })
    await editor.getByRole('button', { name: 'Save & connect' }).click()
    await editor.getByText(/^Saved, but connecting failed/).waitFor()
    // Saved: the editor's Cancel is Close now, which goes to the saved connection.
    await editor.getByRole('button', { name: 'Close', exact: true }).click()

    await page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: NAME, exact: true }).click()
    const token = page.getByRole('region', { name: 'Token' })
    const alert = token.getByRole('alert')
    await alert.waitFor()
    expect(await alert.innerText()).toBe('Zoom rejected the Client ID or Client Secret: Invalid client_id or client_secret')
    const advice = token.getByTestId('token-advice')
    expect(await advice.innerText()).toContain('Reconnecting with the same credentials fails again')
    await advice.getByRole('button', { name: 'Fix the credentials in Edit' }).click()

    const edit = page.getByRole('form', { name: `Edit ${NAME}` })
    expect(await edit.getByLabel('Account ID', { exact: true }).inputValue()).toBe(accountId)
    expect(await edit.getByLabel('Client ID', { exact: true }).inputValue()).toBe(clientId)
    await edit.getByRole('button', { name: 'Replace secret' }).click()
    await edit.getByLabel('Client Secret', { exact: true }).fill(clientSecret)
    await edit.getByRole('button', { name: 'Save & connect' }).click()
    await waitConnected(page, NAME)
  })
})
