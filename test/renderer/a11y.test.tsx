// @vitest-environment happy-dom
// axe-core on the main screens (colour contrast is checked in Chromium: happy-dom has no layout).
import { screen, within } from '@testing-library/react'
import axe from 'axe-core'
import { describe, expect, it } from 'vitest'
import { makeProfile } from './fake-bridge'
import { withGridViewport } from './grid-viewport'
import { renderApp } from './render-app'

async function seriousViolations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] })
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

withGridViewport(400)

describe('accessibility (axe)', () => {
  it('has no serious or critical violation on the first-run screen and the editor', async () => {
    const { user } = await renderApp()
    expect(await seriousViolations()).toEqual([])
    await user.click(screen.getByRole('button', { name: /User-managed OAuth app/ }))
    await screen.findByRole('heading', { name: 'New connection' })
    await user.click(screen.getByRole('button', { name: 'Save & connect' }))
    expect(await seriousViolations()).toEqual([])
  })

  it('has no serious or critical violation on the overview, browse grid and settings', async () => {
    const p = makeProfile({ name: 'Acme' })
    const { user } = await renderApp({ profiles: [p], statuses: [{ profileId: p.id, state: 'connected', grantedScopes: ['user:read:admin'], hasRefreshToken: false, expiresAt: Date.now() + 600_000 }] })
    await user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
    await screen.findByRole('region', { name: 'Token' })
    expect(await seriousViolations()).toEqual([])
    await user.click(screen.getByRole('tab', { name: 'Browse' }))
    await user.click(await screen.findByRole('button', { name: 'Load users' }))
    const grid = await screen.findByRole('grid', { name: 'Users' })
    await within(grid).findAllByRole('gridcell')
    expect(await seriousViolations()).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Settings' }))
    await screen.findByRole('heading', { name: 'Settings' })
    expect(await seriousViolations()).toEqual([])
  })
})
