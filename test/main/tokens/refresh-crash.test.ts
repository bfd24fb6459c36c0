// Crash safety of the real thing (issue 4; security.md §6.2 case 18): a child process running the
// real credentials core refreshes an authorization-code profile against the real sandbox in a
// loop and is SIGKILLed at seeded random moments, at least 50 times. After every kill the data
// dir must parse (vault.json, connections.json, profiles.json), nothing may be moved aside, and
// the vault must hold a complete token set: the last one the child reported, or the one it had
// written but not yet reported. The next child continues from what is stored, so its first
// refresh proves the stored refresh token is the live one ("after a crash, still connected").
//
// Zoom rotates refresh tokens with no grace period (reference/zoom-api.md §1.6: issuing a new
// one "immediately invalidates the previous refresh token"), and the sandbox does the same. So a
// kill after Zoom rotated but before the new set reached the disk leaves the vault with a refresh
// token Zoom no longer accepts. That hazard cannot be closed on the client; the test detects it
// and requires the honest outcome: the old set kept complete (never garbage, never deleted), the
// next refresh ends in AUTH_RECONNECT_NEEDED with Zoom's reason, the profile shows
// reconnect_needed, and connecting again repairs it.
//
// How a kill is classified, without probing the sandbox in a way that would disturb the loop:
// the sandbox runs in this process, so the number of successful token responses it sent during a
// child run is known exactly (after a round trip that lets it finish a request the child sent just
// before dying). Each report is one rotation; one more rotation than reports means a refresh was
// in flight at the kill. Then the vault holds either that unreported set (it reached the disk:
// live) or the last reported set (it did not: rotated away, the hazard). The next child run (or,
// after the last kill, one refresh in this process) checks the prediction against the sandbox.
//
// Replay a sequence with ZC_REFRESH_CRASH_SEED=<n>.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, watch } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ConnectionStatus } from '../../../common/contract/auth'
import { startSandbox, type Sandbox } from '../../sandbox'
import { createRandom } from '../../sandbox/hash'
import { userDraft } from '../auth/credentials-harness'
import { openInstallation, tokenSetHash, type ChildLine } from './refresh-crash-installation'

const KILLS = 50
const MAX_REPORTS_BEFORE_KILL = 8
const SEED = Number(process.env.ZC_REFRESH_CRASH_SEED ?? 0x7e5f)
const here = dirname(fileURLToPath(import.meta.url))
const DOCUMENTS = ['vault.json', 'connections.json', 'profiles.json']

/**
 * When the kill is sent, after the child's k-th report: at once (the child is then usually
 * sending its next refresh), or as soon as the next refresh's temp file for vault.json (the token
 * write) or connections.json (the status write, after the tokens are durable) exists.
 */
const MOMENTS = ['after-report', 'inside-vault-write', 'inside-connections-write'] as const
type KillMoment = (typeof MOMENTS)[number]

type Refreshed = Extract<ChildLine, { kind: 'refreshed' }>
type Failed = Extract<ChildLine, { kind: 'failed' }>

interface ChildRun {
  refreshed: Refreshed[]
  failure: Failed | undefined
  killed: boolean
  /** Temp files present right after the child ended: the kill landed inside that write. */
  leftovers: string[]
  /** Refresh tokens the sandbox issued during the run. */
  rotations: number
  stderr: string
  /** Milliseconds from spawn to the first report, and from the first to the last report. */
  startMs: number | undefined
  loopMs: number
}

let sandbox: Sandbox
let dataDir: string
let buildDir: string
let profileId: string
/** How to start the child: a prebuilt bundle (fast start) or, if esbuild is missing, tsx. */
let childCommand: string[]

async function buildChild(): Promise<string[]> {
  const source = join(here, 'refresh-crash-child.ts')
  try {
    // esbuild comes with tsx and vite; not a direct dependency, so it is optional here.
    const esbuildModule: string = 'esbuild'
    const esbuild = (await import(esbuildModule)) as { build(options: Record<string, unknown>): Promise<unknown> }
    const outfile = join(buildDir, 'refresh-crash-child.mjs')
    await esbuild.build({
      entryPoints: [source],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'silent',
      // Bundled CommonJS dependencies may call require(); an ES module has none of its own.
      banner: { js: "import { createRequire as __zcCreateRequire } from 'node:module'; const require = __zcCreateRequire(import.meta.url);" },
    })
    return [outfile]
  } catch {
    return ['--import', 'tsx', source]
  }
}

/** Successful token responses so far; during a child run, only the child asks for tokens. */
const tokensIssued = () => sandbox.stats().tokenResponses['200'] ?? 0

/**
 * A request the child wrote just before it died may still be waiting in this process's socket
 * buffer. One round trip to the same server lets the sandbox read and answer it first.
 */
async function settleSandbox(): Promise<void> {
  const response = await fetch(`${sandbox.url}/__admin/stats`)
  await response.arrayBuffer()
}

async function runChild(lastCounter: number, reports: number, moment: KillMoment): Promise<ChildRun> {
  const before = tokensIssued()
  const spawnedAt = performance.now()
  let firstAt: number | undefined
  let lastAt = 0
  const child = spawn(process.execPath, [...childCommand, dataDir, profileId, String(lastCounter)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  // 'close' comes after stdout ended, so every line already in the pipe has been read.
  const closed = once(child, 'close')
  const refreshed: Refreshed[] = []
  let failure: Failed | undefined
  const tempPrefix = moment === 'inside-vault-write' ? 'vault.json.' : 'connections.json.'
  const watcher = watch(dataDir, (_event, name) => {
    if (moment === 'after-report' || refreshed.length < reports || !name?.startsWith(tempPrefix) || !name.endsWith('.tmp')) return
    // Events of a write that finished before the k-th report may arrive after it: only a temp
    // file that still exists is a write in progress.
    if (existsSync(join(dataDir, name))) child.kill('SIGKILL')
  })
  createInterface({ input: child.stdout }).on('line', (text) => {
    let line: ChildLine
    try {
      line = JSON.parse(text) as ChildLine
    } catch {
      // Not the protocol (and not echoed: it could be anything): stop the child, fail the run.
      line = { kind: 'failed', code: 'UNREADABLE_CHILD_OUTPUT', state: 'unknown' }
      child.kill('SIGKILL')
    }
    if (line.kind === 'failed') {
      failure = line
      return
    }
    refreshed.push(line)
    lastAt = performance.now()
    firstAt ??= lastAt
    if (moment === 'after-report' && refreshed.length === reports) child.kill('SIGKILL')
  })
  const [, signal] = (await closed) as [number | null, NodeJS.Signals | null]
  watcher.close()
  const leftovers = (await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))
  await settleSandbox()
  return { refreshed, failure, killed: signal === 'SIGKILL', leftovers, rotations: tokensIssued() - before, stderr, startMs: firstAt === undefined ? undefined : firstAt - spawnedAt, loopMs: firstAt === undefined ? 0 : lastAt - firstAt }
}

/** A fresh "app start" over the data dir: every document must parse and the token set be complete. */
async function inspect(context: string): Promise<{ hash: string; status: ConnectionStatus }> {
  // Raw first, as the child left them: reopening would move a damaged file aside.
  for (const name of DOCUMENTS) {
    const text = await readFile(join(dataDir, name), 'utf8')
    expect(() => JSON.parse(text), `${context}: ${name} parses`).not.toThrow()
  }
  const app = await openInstallation(dataDir)
  try {
    expect(app.problems, `${context}: files moved aside`).toEqual([])
    expect(app.credentials.profiles.get(profileId).grant, context).toBe('authorization_code')
    const hash = tokenSetHash(await app.vault.getSecret(profileId, 'tokens'))
    if (hash === undefined) throw new Error(`${context}: the vault does not hold a complete token set`)
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp')), `${context}: temp files left after reopening`).toEqual([])
    return { hash, status: app.credentials.auth.status(profileId) }
  } finally {
    await app.credentials.dispose()
  }
}

/** Connects the profile (again) through the sandbox's sign-in and consent; returns the stored set's hash. */
async function connect(): Promise<string> {
  const app = await openInstallation(dataDir, { credentials: sandbox.login })
  try {
    if (app.vault.status().state === 'uninitialised') await app.vault.setupWithKeychain()
    profileId ??= (await app.credentials.profiles.create(userDraft(sandbox, 'Refresh crash'))).id
    const status = await app.credentials.auth.connect(profileId)
    expect(status).toMatchObject({ state: 'connected', hasRefreshToken: true })
    const hash = tokenSetHash(await app.vault.getSecret(profileId, 'tokens'))
    if (hash === undefined) throw new Error('connecting stored no complete token set')
    return hash
  } finally {
    await app.credentials.dispose()
  }
}

beforeAll(async () => {
  // forceRefresh ignores freshness; Zoom's lifetime keeps every status 'connected' during the run.
  sandbox = await startSandbox({ seed: SEED, users: 10, plan: 'unlimited', tokenLifetimes: { accessTokenSeconds: 3599 } })
  dataDir = await mkdtemp(join(tmpdir(), 'zc-refresh-crash-'))
  buildDir = await mkdtemp(join(tmpdir(), 'zc-refresh-crash-build-'))
  childCommand = await buildChild()
})

afterAll(async () => {
  await sandbox.close()
  await rm(dataDir, { recursive: true, force: true })
  await rm(buildDir, { recursive: true, force: true })
})

it(`a refreshing token manager keeps a complete token set through ${KILLS} SIGKILLs`, { timeout: 180_000 }, async () => {
  const started = Date.now()
  const random = createRandom(SEED)
  let stored = await connect()
  const seen = new Set([stored])
  const tally = { runs: 0, kills: 0, clean: 0, writtenNotReported: 0, hazards: 0, vaultTempLeft: 0, connectionsTempLeft: 0 }
  const byMoment: Record<KillMoment, { kills: number; hazards: number }> = {
    'after-report': { kills: 0, hazards: 0 },
    'inside-vault-write': { kills: 0, hazards: 0 },
    'inside-connections-write': { kills: 0, hazards: 0 },
  }
  const timing = { starts: 0, startMs: 0, refreshes: 0, loopMs: 0 }
  let counter = 0
  /** The last kill left a refresh token Zoom has rotated away: the next refresh must say so. */
  let rotatedAway = false

  while (tally.kills < KILLS) {
    // Kill plans are drawn only for runs meant to be killed, so a seed fixes the plan of every
    // kill whatever the timing did; a run after the hazard is expected to stop by itself.
    const reports = rotatedAway ? 1 : 1 + Math.floor(random() * MAX_REPORTS_BEFORE_KILL)
    const moment: KillMoment = rotatedAway ? 'after-report' : (MOMENTS[Math.floor(random() * MOMENTS.length)] ?? 'after-report')
    const run = await runChild(counter, reports, moment)
    tally.runs += 1
    if (run.startMs !== undefined) {
      timing.starts += 1
      timing.startMs += run.startMs
      timing.refreshes += run.refreshed.length - 1
      timing.loopMs += run.loopMs
    }
    const context = `run ${tally.runs}, kill ${tally.kills + 1} (${moment} after ${reports} reports, seed ${SEED})`

    if (rotatedAway) {
      // The hazard, as the person meets it: the first refresh is refused, nothing is lost or mangled.
      expect(run.failure, `${context}: refresh with a rotated-away refresh token`).toMatchObject({
        code: 'AUTH_RECONNECT_NEEDED',
        state: 'reconnect_needed',
        error: { code: 'AUTH_INVALID_GRANT', zoomMessage: 'Invalid Token!' },
      })
      expect(run.refreshed, context).toEqual([])
      expect(run.rotations, context).toBe(0)
      const after = await inspect(context)
      expect(after.hash, `${context}: the refused set is kept as it was`).toBe(stored)
      expect(after.status, context).toMatchObject({ state: 'reconnect_needed', error: { code: 'AUTH_INVALID_GRANT', message: expect.stringContaining('Invalid Token!') } })
      stored = await connect()
      seen.add(stored)
      rotatedAway = false
      continue
    }

    if (!run.killed) throw new Error(`${context}: the child stopped by itself: ${JSON.stringify(run.failure)} ${run.stderr}`)
    tally.kills += 1
    byMoment[moment].kills += 1
    if (run.leftovers.some((name) => name.startsWith('vault.json.'))) tally.vaultTempLeft += 1
    if (run.leftovers.some((name) => name.startsWith('connections.json.'))) tally.connectionsTempLeft += 1
    // Every kill comes after at least one report: the first refresh of the run, made with the
    // refresh token the previous run left in the vault, worked.
    expect(run.refreshed.length, context).toBeGreaterThanOrEqual(1)
    for (const line of run.refreshed) {
      expect(seen.has(line.hash), `${context}: refresh ${line.counter} reported a set seen before`).toBe(false)
      seen.add(line.hash)
    }
    counter = run.refreshed.at(-1)?.counter ?? counter
    const lastReported = run.refreshed.at(-1)?.hash ?? stored
    const inFlight = run.rotations - run.refreshed.length
    expect([0, 1], `${context}: rotations beyond the reports`).toContain(inFlight)

    const after = await inspect(context)
    if (after.hash === lastReported) {
      if (inFlight === 1) {
        rotatedAway = true
        tally.hazards += 1
        byMoment[moment].hazards += 1
      } else {
        tally.clean += 1
      }
    } else {
      // Not reported: it must be the set of the refresh in flight, complete, and new.
      expect(inFlight, `${context}: an unreported set without a rotation`).toBe(1)
      expect(seen.has(after.hash), `${context}: an old set came back`).toBe(false)
      seen.add(after.hash)
      tally.writtenNotReported += 1
    }
    // connections.json follows the vault: it never claims the grant ended after a mere crash.
    expect(after.status.state, context).toBe('connected')
    stored = after.hash
  }

  // The last kill's prediction, checked with one refresh in this process.
  const app = await openInstallation(dataDir)
  try {
    const last = app.credentials.tokens.getAccessToken(profileId, { forceRefresh: true })
    if (rotatedAway) await expect(last, 'refresh after the last kill').rejects.toMatchObject({ code: 'AUTH_RECONNECT_NEEDED' })
    else await expect(last, 'refresh after the last kill').resolves.toMatchObject({ accessToken: expect.any(String) })
  } finally {
    await app.credentials.dispose()
  }

  expect(tally.kills).toBe(KILLS)
  // The interesting cases must actually happen.
  expect(tally.vaultTempLeft + tally.connectionsTempLeft, 'kills inside a write').toBeGreaterThan(0)
  console.info(
    `refresh-crash (seed ${SEED}, child: ${childCommand[0]?.endsWith('.mjs') ? 'prebuilt bundle' : 'tsx'}): ${tally.kills} kills in ${tally.runs} runs, ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
      `clean ${tally.clean}, written-not-reported ${tally.writtenNotReported}, rotation hazard ${tally.hazards} ` +
      `(${MOMENTS.map((m) => `${m} ${byMoment[m].hazards}/${byMoment[m].kills}`).join(', ')}); ` +
      `temp file left: vault.json ${tally.vaultTempLeft}, connections.json ${tally.connectionsTempLeft}; ` +
      `child start to first refresh ${(timing.startMs / Math.max(1, timing.starts)).toFixed(0)} ms, then ${(timing.loopMs / Math.max(1, timing.refreshes)).toFixed(0)} ms per refresh`,
  )
})
