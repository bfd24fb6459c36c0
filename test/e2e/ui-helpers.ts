// Shared steps of the UI scenarios (issue 6): each drives the built renderer the way a person
// would, by role and accessible name, against the Zoom sandbox; plus an axe-core check that runs
// in the real Chromium page (so colour contrast is measured on real layout).
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, expect } from 'vitest'
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox'
import { closeBrowser, startHarness, type Harness, type HarnessOptions } from './harness'

// ── accessibility ────────────────────────────────────────────────────────────────────────────

export interface AxeFinding {
  id: string
  impact: string
  help: string
  targets: string[]
}

let axeSource: Promise<string> | undefined
const loadAxe = () => (axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'))

/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations.
 * Injected with page.evaluate (devtools evaluation), not a <script> tag: the page runs under the
 * app's CSP (`script-src 'self'`), which would refuse an inline script and log a violation.
 */
export async function runAxe(page: Page, screenName: string): Promise<AxeFinding[]> {
  const hasAxe = await page.evaluate(() => 'axe' in globalThis)
  if (!hasAxe) await page.evaluate(await loadAxe())
  const findings = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')) }))
  })
  return findings.filter((f) => f.impact === 'serious' || f.impact === 'critical').map((f) => ({ ...f, help: `${screenName}: ${f.help}` }))
}

/** Fails with every serious or critical violation of the screen, named. */
export async function expectAccessible(page: Page, screenName: string): Promise<void> {
  expect(await runAxe(page, screenName)).toEqual([])
}

// ── harness ─────────────────────────────────────────────────────────────────────────────────

/** Playwright waits 30 s by default; a UI step that takes more than 10 s here is a failure. */
export const UI_STEP_TIMEOUT_MS = 10_000

export function quickFailures(harness: Harness): void {
  harness.page.setDefaultTimeout(UI_STEP_TIMEOUT_MS)
}

// ── sandbox ──────────────────────────────────────────────────────────────────────────────────

/** A recognisable client secret the scans look for; unique per run so stale files never match. */
export const canarySecret = (label: string) => `CANARY-UI-SECRET-${label}-${Math.random().toString(36).slice(2, 10)}`

// ── first run and vault ──────────────────────────────────────────────────────────────────────

/** First run: protect secrets with the OS keychain (the harness's keychain is a real-encrypting fake). */
export async function chooseKeychain(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Use the OS keychain' }).click()
  await page.getByRole('button', { name: 'Use the OS keychain' }).waitFor({ state: 'detached' })
}

// ── the editor ───────────────────────────────────────────────────────────────────────────────

export interface EditorInput {
  kind: 'Server-to-Server OAuth' | 'User-managed OAuth app' | 'Admin-managed OAuth app' | 'Public app (PKCE)'
  name: string
  accountId?: string
  clientId: string
  clientSecret?: string
  redirectUrl?: string
  /** The sandbox: the editor's Advanced section with custom endpoints. */
  sandboxUrl: string
  /** The account's plan sets the client's pacing (Pro by default); Business crawls 3× faster. */
  ratePlan?: 'free' | 'pro' | 'business'
}

/** Opens "Add connection" and fills the guided editor; does not save. */
export async function fillNewConnection(page: Page, input: EditorInput): Promise<Locator> {
  await page.getByRole('button', { name: 'Add connection' }).click()
  // Once saved (a Save & connect whose connect failed saves it) the form edits the connection by its name.
  const editor = page.getByRole('form', { name: new RegExp(`^(New connection|Edit ${escapeRegExp(input.name)})$`) })
  await editor.getByRole('radio', { name: new RegExp(`^${escapeRegExp(input.kind)}`) }).check()
  await editor.getByLabel('Connection name', { exact: true }).fill(input.name)
  if (input.accountId !== undefined) await editor.getByLabel('Account ID', { exact: true }).fill(input.accountId)
  await editor.getByLabel('Client ID', { exact: true }).fill(input.clientId)
  if (input.clientSecret !== undefined) await editor.getByLabel('Client Secret', { exact: true }).fill(input.clientSecret)
  if (input.redirectUrl !== undefined) await editor.getByLabel('Redirect URL', { exact: true }).fill(input.redirectUrl)
  // The sandbox is a custom cloud: its OAuth and API base URLs are the sandbox's own.
  await editor.getByText('Advanced', { exact: true }).click()
  await editor.getByLabel('Cloud', { exact: true }).selectOption('custom')
  await editor.getByLabel('OAuth base URL', { exact: true }).fill(input.sandboxUrl)
  await editor.getByLabel('API base URL', { exact: true }).fill(input.sandboxUrl)
  if (input.ratePlan !== undefined) await editor.getByLabel('Rate-limit plan', { exact: true }).selectOption(input.ratePlan)
  return editor
}

/** Opens "Add connection" and fills in the sandbox's user-managed OAuth app (overrides win); does not save. */
export function fillUserOAuthConnection(page: Page, zoom: Sandbox, name: string, overrides: Partial<EditorInput> = {}): Promise<Locator> {
  const app = zoom.apps.userOAuth
  return fillNewConnection(page, { kind: 'User-managed OAuth app', name, clientId: app.clientId, clientSecret: app.clientSecret, redirectUrl: app.redirectUri, sandboxUrl: zoom.url, ...overrides })
}

/** Waits for the connection's own screen, on Overview, connected. */
export async function waitConnected(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor()
  // A Playwright wait, not expect.poll: this step also runs in beforeAll hooks.
  await page.locator('.conn-head .badge[data-state="connected"]').waitFor()
}

/**
 * A fresh app on its Console tab with one connected Server-to-Server connection to `zoom`. Zoom's
 * API files are where the app keeps its copies, so the console's completion reads them instead of
 * fetching them from Zoom's API hub.
 */
export async function startConsoleHarness(zoom: Sandbox, connectionName: string): Promise<Harness> {
  const harness = await startHarness({ apiFiles: true })
  quickFailures(harness)
  await chooseKeychain(harness.page)
  await addS2SConnection(harness.page, zoom, connectionName)
  await harness.page.getByRole('tab', { name: 'Console' }).click()
  await harness.page.getByRole('form', { name: 'Request' }).waitFor()
  return harness
}

/** Creates a Server-to-Server connection through the editor and connects it (Save & connect). */
export async function addS2SConnection(page: Page, zoom: Sandbox, name: string, options: Pick<EditorInput, 'ratePlan'> = {}): Promise<void> {
  const editor = await fillNewConnection(page, {
    kind: 'Server-to-Server OAuth',
    name,
    accountId: zoom.apps.s2s.accountId,
    clientId: zoom.apps.s2s.clientId,
    clientSecret: zoom.apps.s2s.clientSecret,
    sandboxUrl: zoom.url,
    ...options,
  })
  await editor.getByRole('button', { name: 'Save & connect' }).click()
  await waitConnected(page, name)
}

/** The sidebar entry of a connection (its list item: name button, status badge, menu). */
export const sidebarItem = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Connections' }).getByRole('listitem').filter({ has: page.getByRole('button', { name, exact: true }) })

export const sidebarState = (page: Page, name: string) => sidebarItem(page, name).locator('.badge').getAttribute('data-state')

// ── a whole scenario ─────────────────────────────────────────────────────────────────────────

export interface UiScenarioOptions {
  sandbox: SandboxOptions
  /** Prefixes of temporary folders made before the app starts (ui.folders, same order); removed at the end. */
  folders?: string[]
  /** Runs once the sandbox and folders exist, before the app starts: read the sandbox, prepare a data folder. */
  beforeApp?: (ui: UiScenario) => Promise<HarnessOptions | void>
  /** Choose the OS keychain on the first-run screen (default true); false leaves the first run to the test. */
  keychain?: boolean
  /** A Server-to-Server connection added through the editor and connected once the keychain is chosen. */
  connection?: { name: string } & Pick<EditorInput, 'ratePlan'>
}

export interface UiScenario {
  readonly zoom: Sandbox
  readonly harness: Harness
  readonly page: Page
  readonly folders: string[]
}

/**
 * Registers the describe block's beforeAll/afterAll for a UI scenario: a sandbox, the app with
 * quick failures, the keychain chosen and, if asked, a connected Server-to-Server connection; all
 * closed afterwards. A file's own beforeAll registered after this call runs after it.
 */
export function useUiScenario(options: UiScenarioOptions): UiScenario {
  let zoom: Sandbox | undefined
  let harness: Harness | undefined
  const folders: string[] = []
  const ui: UiScenario = {
    get zoom() {
      if (!zoom) throw new Error('the sandbox is not started yet (use ui.zoom inside a hook or test)')
      return zoom
    },
    get harness() {
      if (!harness) throw new Error('the app is not started yet (use ui.harness inside a hook or test)')
      return harness
    },
    get page() {
      return ui.harness.page
    },
    folders,
  }
  beforeAll(async () => {
    zoom = await startSandbox(options.sandbox)
    for (const prefix of options.folders ?? []) folders.push(await mkdtemp(join(tmpdir(), prefix)))
    const harnessOptions = (await options.beforeApp?.(ui)) ?? {}
    harness = await startHarness(harnessOptions)
    quickFailures(harness)
    if (options.keychain === false) return
    await chooseKeychain(harness.page)
    if (options.connection) {
      const { name, ...editor } = options.connection
      await addS2SConnection(harness.page, zoom, name, editor)
    }
  })
  afterAll(async () => {
    await harness?.close()
    await zoom?.close()
    await closeBrowser()
    for (const dir of folders) await rm(dir, { recursive: true, force: true })
  })
  return ui
}

// ── Browse ───────────────────────────────────────────────────────────────────────────────────

/** Opens Browse, presses "Load <resource>" and waits for the crawl to finish (a large account takes longer than one UI step). */
export async function loadTab(page: Page, resource: string): Promise<void> {
  await page.getByRole('tab', { name: 'Browse' }).click()
  await page.getByRole('button', { name: `Load ${resource}` }).click()
  await page.locator('.crawl[data-state="done"]').waitFor({ timeout: 30_000 })
}

/** Row n of the Cloud recordings grid as Zoom listed it, read from the detail drawer's raw JSON. */
export async function recordingOfRow<Row>(page: Page, n: number): Promise<Row> {
  const grid = page.getByRole('grid', { name: 'Cloud recordings' })
  await grid.locator(`[aria-rowindex="${n + 1}"] [role="gridcell"]`).nth(1).click()
  const drawer = page.getByRole('dialog', { name: 'Cloud recording details' })
  await drawer.getByRole('tab', { name: 'Raw JSON' }).click()
  const row = JSON.parse(await drawer.getByLabel('Row as JSON').innerText()) as Row
  await drawer.getByRole('button', { name: 'Close details' }).click()
  await drawer.waitFor({ state: 'detached' })
  return row
}

// ── the connect window ───────────────────────────────────────────────────────────────────────

/** Signs in on the sandbox's consent page in the next connect window and presses Allow. */
export async function signInAndAllow(harness: Harness, zoom: Sandbox, screenshotName?: string): Promise<void> {
  const consent = await harness.authWindow.nextPage()
  await consent.getByLabel('Email').fill(zoom.login.email)
  await consent.getByLabel('Password').fill(zoom.login.password)
  await consent.getByRole('button', { name: 'Sign in', exact: true }).click()
  await consent.getByRole('button', { name: 'Allow' }).waitFor()
  if (screenshotName) await harness.screenshot(screenshotName)
  await consent.getByRole('button', { name: 'Allow' }).click()
}

// ── clipboard ────────────────────────────────────────────────────────────────────────────────

/** What main's clipboard holds: Copy buttons go through main (app.copyText); pages have no clipboard permission. */
export const readMainClipboard = (harness: { clipboard: { text: string } }) => harness.clipboard.text

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
