// Crash safety (reference/security.md §6.2 case 18): a child writing complete token sets through
// the Vault is SIGKILLed at random moments, again and again. After every kill the vault file must
// parse, decrypt, and hold either the last reported token set or the one being written — complete.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { watch } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { openVault } from '../../../main/vault'
import { createRandom } from '../../sandbox/hash'
import { CRASH_KEYRING, CRASH_PROFILE, crashTokenSet } from './crash-token-set'
import { FakeSafeStorage } from './fake-safe-storage'
import { makeTempDir, removeTempDir } from './helpers'

const KILLS = 50
const MAX_WRITES_BEFORE_KILL = 12
const BYSTANDERS = 20
const bystanderSecret = (i: number) => `bystander-${i}-${'s'.repeat(2000)}`
const SEED = Number(process.env.ZC_CRASH_SEED ?? 0x5eed)
const here = dirname(fileURLToPath(import.meta.url))

let dir: string
let buildDir: string
/** How to start the child: a prebuilt bundle (fast start) or, if esbuild is not installed, tsx. */
let childCommand: string[]

beforeAll(async () => {
  dir = await makeTempDir()
  buildDir = await makeTempDir()
  const source = join(here, 'crash-child.ts')
  try {
    // esbuild comes with tsx and vite; not a direct dependency, so it is optional here.
    const esbuildModule: string = 'esbuild'
    const esbuild = (await import(esbuildModule)) as { build(options: Record<string, unknown>): Promise<unknown> }
    const outfile = join(buildDir, 'crash-child.mjs')
    await esbuild.build({ entryPoints: [source], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent' })
    childCommand = [outfile]
  } catch {
    childCommand = ['--import', 'tsx', source]
  }
})

afterAll(async () => {
  await removeTempDir(dir)
  await removeTempDir(buildDir)
})

/**
 * How the kill is timed: right after the child's k-th report (the kill then lands wherever the
 * child has got to), or as soon as a temp file appears after the k-th report (inside a write,
 * between creating the temp file and renaming it).
 */
type KillMoment = 'after-report' | 'inside-write'

/** Starts the child, waits for `writes` reports (and the chosen moment), kills it, and returns the last report seen. */
async function runAndKill(lastCounter: number, writes: number, moment: KillMoment): Promise<number> {
  const child = spawn(process.execPath, [...childCommand, dir, String(lastCounter)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  // 'close' comes after the child's stdout ended, so every report already in the pipe has been read.
  const closed = once(child, 'close')
  let reported = lastCounter
  let seen = 0
  const watcher = watch(dir, (_event, name) => {
    if (moment === 'inside-write' && seen >= writes && name?.endsWith('.tmp')) child.kill('SIGKILL')
  })
  createInterface({ input: child.stdout }).on('line', (line) => {
    reported = Number(line)
    seen += 1
    if (moment === 'after-report' && seen === writes) child.kill('SIGKILL')
  })
  const [code, signal] = (await closed) as [number | null, NodeJS.Signals | null]
  watcher.close()
  if (signal !== 'SIGKILL') throw new Error(`child exited by itself (code ${code}): ${stderr}`)
  return reported
}

it(`keeps a complete token set through ${KILLS} SIGKILLs at random moments`, { timeout: 120_000 }, async () => {
  // Seeded, so a failing sequence can be replayed with ZC_CRASH_SEED.
  const random = createRandom(SEED)
  const safeStorage = new FakeSafeStorage({ keyring: CRASH_KEYRING })
  const setup = await openVault({ dir, safeStorage, platform: 'linux' })
  await setup.setupWithKeychain()
  // Other profiles make the file (and so each write) larger, so kills often land inside a write.
  for (let i = 0; i < BYSTANDERS; i += 1) await setup.setSecret(`bystander-${i}`, 'clientSecret', bystanderSecret(i))
  await setup.setSecret(CRASH_PROFILE, 'tokens', JSON.stringify(crashTokenSet(0)))

  let counter = 0
  let caughtBetweenWriteAndReport = 0
  let killedMidWrite = 0
  for (let kill = 1; kill <= KILLS; kill += 1) {
    const writes = 1 + Math.floor(random() * MAX_WRITES_BEFORE_KILL)
    const moment: KillMoment = random() < 0.5 ? 'after-report' : 'inside-write'
    const reported = await runAndKill(counter, writes, moment)
    const context = `kill ${kill} (${moment}, seed ${SEED}), last reported write ${reported}`

    if ((await readdir(dir)).some((name) => name.endsWith('.tmp'))) killedMidWrite += 1
    const vault = await openVault({ dir, safeStorage, platform: 'linux' })
    expect(vault.problems, context).toEqual([])
    const stored = JSON.parse((await vault.getSecret(CRASH_PROFILE, 'tokens')) ?? 'null') as ReturnType<typeof crashTokenSet>
    // The reported write is durable; at most the next one may also have landed before the kill.
    expect([reported, reported + 1], context).toContain(stored.counter)
    expect(stored, context).toEqual(crashTokenSet(stored.counter))
    for (const i of [0, BYSTANDERS - 1]) expect(await vault.getSecret(`bystander-${i}`, 'clientSecret'), context).toBe(bystanderSecret(i))
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp')), `${context}: temp files left after reopening`).toEqual([])

    if (stored.counter === reported + 1) caughtBetweenWriteAndReport += 1
    counter = stored.counter
  }
  expect(counter).toBeGreaterThanOrEqual(KILLS)
  // The interesting case must actually happen: a kill while a temp file was being written.
  expect(killedMidWrite).toBeGreaterThan(0)
  console.info(
    `crash-safety: ${KILLS} kills (child: ${childCommand.at(-1)?.endsWith('.mjs') ? 'prebuilt bundle' : 'tsx'}), final counter ${counter}, ` +
      `${killedMidWrite} with a temp file left behind, ${caughtBetweenWriteAndReport} between a rename and its report`,
  )
})
