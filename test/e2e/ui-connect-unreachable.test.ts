// A sign-in page the connect window cannot load at all (here: nothing listens at the connection's
// OAuth address, as when Zoom is unreachable or a proxy refuses it), in real Chromium: the
// sign-in ends with what failed, in the editor and on the connection's badge, instead of a blank
// window and "Waiting for the Zoom sign-in…" forever.
import { createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { chromiumMissingReason } from '../support/chromium'
import { fillUserOAuthConnection, sidebarState, useUiScenario } from './ui-helpers'

const NAME = 'Unreachable sign-in'

/** A loopback port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe.skipIf(chromiumMissingReason !== undefined)('UI: a sign-in page that cannot load (end to end)', () => {
  const ui = useUiScenario({ sandbox: { seed: 141, users: 10, plan: 'unlimited' } })

  it('ends the sign-in saying the address could not be reached', async () => {
    const { page } = ui
    const unreachable = `http://127.0.0.1:${await closedPort()}`
    const editor = await fillUserOAuthConnection(page, ui.zoom, NAME, { sandboxUrl: unreachable })
    await editor.getByRole('button', { name: 'Save & connect' }).click()
    const formError = editor.locator('.form-error')
    await expect.poll(() => formError.innerText(), { timeout: 15_000 }).toMatch(/could not load 127\.0\.0\.1:\d+: the connection to it failed \(ERR_CONNECTION_REFUSED\)/)
    await expect.poll(() => sidebarState(page, NAME)).toBe('error')
    // That connect window failed to load without the test driving it.
    ui.harness.authWindow.skipOpened()
    await ui.harness.screenshot('ui-connect-unreachable')
  })
})
