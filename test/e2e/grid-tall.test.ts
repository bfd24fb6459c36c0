// A grid of ten million rows in real Chromium, which cannot lay out an element taller than about
// 33.5 million pixels (ten million rows are 340 million): the built renderer on the benchmark's
// fake bridge, scrolled by its scroll box to the end and driven by the keyboard. The last row must
// be on screen, whole, in both cases, and the middle of the scroll box must show the middle rows.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildGridBridge } from '../../bench/metrics/support/grid-bridge'
import { chromiumMissingReason, launchChromium } from '../support/chromium'
import { serveRenderer } from '../support/static-server'

const ROWS = 10_000_000
const renderer = resolve(import.meta.dirname, '../../out/renderer')

/** The rendered body rows whose box lies wholly inside the grid's scroll box, by position (aria-rowindex − 2). */
const WHOLLY_VISIBLE = `(() => {
  const grid = document.querySelector('[role=grid]')
  const box = grid.getBoundingClientRect()
  const head = grid.querySelector('.grid-head').getBoundingClientRect()
  const seen = []
  for (const row of grid.querySelectorAll('.grid-body [role=row]')) {
    const r = row.getBoundingClientRect()
    if (r.top >= head.bottom - 0.5 && r.bottom <= box.bottom + 0.5) seen.push(Number(row.getAttribute('aria-rowindex')) - 2)
  }
  return seen
})()`

describe.skipIf(chromiumMissingReason !== undefined || !existsSync(resolve(renderer, 'index.html')))('a grid of ten million rows in Chromium', () => {
  let browser: Browser
  let page: Page
  let close: () => Promise<void>

  beforeAll(async () => {
    const bridge = await buildGridBridge(ROWS)
    const server = await serveRenderer(renderer)
    close = server.close
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.addInitScript({ content: bridge })
    await page.goto(server.url)
    await page.getByRole('navigation', { name: 'Connections' }).getByRole('button', { name: 'Bench account', exact: true }).click()
    await page.getByRole('tab', { name: 'Browse' }).click()
    await page.getByRole('button', { name: 'Load users', exact: true }).click()
    await page.getByTestId('row-count').filter({ hasText: `${ROWS.toLocaleString('en')} rows` }).waitFor()
  })
  afterAll(async () => {
    await browser?.close()
    await close?.()
  })

  const visible = () => page.evaluate(WHOLLY_VISIBLE) as Promise<number[]>

  it('scrolls its scroll box to the last row and to the middle rows', async () => {
    const grid = page.getByRole('grid', { name: 'Users' })
    const height = await grid.evaluate((el) => el.scrollHeight)
    expect(height).toBeLessThan(33_554_428)
    await grid.evaluate((el) => {
      el.scrollTop = el.scrollHeight
    })
    await expect.poll(visible).toContain(ROWS - 1)
    await grid.evaluate((el) => {
      el.scrollTop = (el.scrollHeight - el.clientHeight) / 2
    })
    await expect.poll(async () => Math.abs((await visible())[0]! - ROWS / 2)).toBeLessThan(30)
  })

  it('reaches the last and the first row from the keyboard', async () => {
    const grid = page.getByRole('grid', { name: 'Users' })
    await grid.focus()
    await page.keyboard.press('End')
    await expect.poll(visible).toContain(ROWS - 1)
    await page.keyboard.press('ArrowUp')
    await expect.poll(visible).toContain(ROWS - 2)
    await page.keyboard.press('Home')
    await expect.poll(visible).toContain(0)
  })
})
