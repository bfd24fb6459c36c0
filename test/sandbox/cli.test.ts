import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '../..')

describe('sandbox CLI', () => {
  it('prints exactly one JSON line once listening, serves, and exits on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'cli.ts'), '--port', '0', '--seed', '7', '--users', '250'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    const firstLine = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8')
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk
        if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')))
      })
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)))
    })
    const info = JSON.parse(firstLine) as { url: string; apps: Record<string, Record<string, string>>; login: { email: string; password: string } }
    expect(Object.keys(info).sort()).toEqual(['apps', 'login', 'url'])
    expect(Object.keys(info.apps).sort()).toEqual(['adminOAuth', 'public', 's2s', 'userOAuth'])
    expect(Object.keys(info.apps.s2s!).sort()).toEqual(['accountId', 'clientId', 'clientSecret'])
    expect(Object.keys(info.apps.public!).sort()).toEqual(['clientId', 'redirectUri'])
    expect(info.login.email).toContain('@')
    const { accountId, clientId, clientSecret } = info.apps.s2s!
    const token = await fetch(`${info.url}/oauth/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=account_credentials&account_id=${accountId}`,
    })
    expect(token.status).toBe(200)
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stdout.trim().split('\n')).toHaveLength(1)
  }, 20_000)

  it('exits with a message on stderr for bad arguments', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'cli.ts'), '--plan', 'gold'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    let stdout = ''
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(1)
    expect(stderr).toContain('--plan')
    expect(stdout).toBe('')
  }, 20_000)
})
