// `npm run sandbox -- --port 0 --seed 7 --users 250 [--plan pro] [--latency 0] [--sso]`
// Prints exactly one JSON line ({url, apps, login}) on stdout once listening, then serves until
// killed. Everything else (errors, notes) goes to stderr so scripts can parse stdout.
import { parseArgs } from 'node:util'
import { startSandbox } from './index'
import type { Plan } from './types'

const PLANS: readonly Plan[] = ['free', 'pro', 'business', 'unlimited']

function integer(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback
  const n = Number(text)
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`)
  return n
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      seed: { type: 'string' },
      users: { type: 'string' },
      plan: { type: 'string' },
      latency: { type: 'string' },
      sso: { type: 'boolean' },
      password: { type: 'string' },
    },
    strict: true,
  })
  const plan = (values.plan ?? 'pro') as Plan
  if (!PLANS.includes(plan)) throw new Error(`--plan must be one of ${PLANS.join(', ')}`)
  const sandbox = await startSandbox({
    host: values.host ?? '127.0.0.1',
    port: integer('port', values.port, 0),
    seed: integer('seed', values.seed, 1),
    users: integer('users', values.users, 250),
    plan,
    latencyMs: integer('latency', values.latency, 0),
    sso: values.sso ?? false,
    ...(values.password === undefined ? {} : { password: values.password }),
  })
  process.stdout.write(`${JSON.stringify({ url: sandbox.url, apps: sandbox.apps, login: sandbox.login })}\n`)
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`zoom sandbox: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
