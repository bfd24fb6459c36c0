import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES } from '../../../common/contract/names'
import { channels } from '../../../common/contract'
import { AppError } from '../../../common/errors'
import { createRouter, type SenderInfo } from '../../../main/ipc/router'
import type { Handlers } from '../../../main/ipc/types'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { forgetSecret, registerSecret } from '../../../main/log/redact'

const ORIGIN = 'app://zoom-connect'
const trusted: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }
const CANARY = 'CANARY-ROUTER-SECRET-91c2'

function setup(overrides: Partial<Handlers> = {}) {
  const calls: { channel: string; input: unknown }[] = []
  const handlers = Object.fromEntries(
    CHANNEL_NAMES.map((name) => [
      name,
      (input: unknown) => {
        calls.push({ channel: name, input })
        return { echoed: name }
      },
    ]),
  ) as unknown as Handlers
  const logs = memoryLogSink()
  const router = createRouter({ handlers: { ...handlers, ...overrides }, trustedOrigins: [ORIGIN], log: createLogger(logs, 'ipc') })
  return { router, calls, logs }
}

describe('router', () => {
  it('runs a valid call and wraps the value in an envelope', async () => {
    const { router, calls } = setup()
    const reply = await router.invoke('profiles.get', trusted, { id: 'abc-123' })
    expect(reply).toEqual({ ok: true, value: { echoed: 'profiles.get' } })
    expect(calls).toEqual([{ channel: 'profiles.get', input: { id: 'abc-123' } }])
  })

  it('knows exactly the contract channels, and the preload list matches them', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(channels).sort())
  })

  it('refuses an unknown channel', async () => {
    const { router, calls } = setup()
    const reply = await router.invoke('shell.openExternal', trusted, { url: 'file:///etc/passwd' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    expect(calls).toHaveLength(0)
  })

  it.each<[string, SenderInfo]>([
    ['a foreign origin', { ...trusted, frameUrl: 'https://evil.example/index.html' }],
    ['a subframe', { ...trusted, isMainFrame: false }],
    ['a window we did not create', { ...trusted, isOurWindow: false }],
    ['file:// pages', { ...trusted, frameUrl: 'file:///tmp/index.html' }],
    ['an unparseable URL', { ...trusted, frameUrl: 'not a url' }],
    ['a look-alike host', { ...trusted, frameUrl: 'app://zoom-connect.evil/index.html' }],
  ])('rejects calls from %s without running the handler', async (_label, sender) => {
    const { router, calls } = setup()
    const reply = await router.invoke('app.info', sender, undefined)
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    expect(calls).toHaveLength(0)
  })

  it('answers every channel with an envelope for input of any shape: invalid input never reaches the handler', async () => {
    const { router, calls } = setup()
    const nasty = fc.oneof(
      fc.anything({ maxDepth: 6, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
      fc.string({ minLength: 100_001, maxLength: 120_000 }),
      fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "id": "x"}')),
      fc.constant({ constructor: { prototype: { polluted: true } } }),
      fc.constant(deepNest(5_000)),
      fc.record({ id: fc.string({ minLength: 65, maxLength: 10_000 }), profileId: fc.string({ minLength: 65, maxLength: 10_000 }) }),
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), nasty, async (channel, input) => {
        const before = calls.length
        const reply = await router.invoke(channel, trusted, input)
        if (reply.ok) {
          expect(calls.length).toBe(before + 1)
          expect(calls.at(-1)?.channel).toBe(channel)
        } else {
          expect(reply.error.code).toBe('VALIDATION')
          expect(reply.error.details?.issues?.length).toBeGreaterThan(0)
          expect(reply.error.message.length).toBeLessThan(2_000)
          expect(calls.length).toBe(before)
        }
      }),
      { numRuns: 400 },
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    // 400 runs over every channel with 100 kB strings: seconds on a quiet machine, far more on a loaded one.
  }, 120_000)

  it.each(['profiles.get', 'profiles.create', 'data.rows', 'console.send', 'vault.setup'] as const)('refuses oversized and prototype-polluting input on %s', async (channel) => {
    const { router, calls } = setup()
    for (const input of [JSON.parse('{"__proto__": {"polluted": true}}'), { id: 'x'.repeat(100_000) }, deepNest(5_000), 'text', 42, null]) {
      const reply = await router.invoke(channel, trusted, input)
      expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(calls).toHaveLength(0)
  })

  it('reports every field problem at once', async () => {
    const { router } = setup()
    const reply = await router.invoke('profiles.create', trusted, { fields: { name: '', grant: 'nope', clientId: 'bad id!' } })
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    const paths = reply.error.details?.issues?.map((i) => i.path) ?? []
    expect(paths).toEqual(expect.arrayContaining(['fields.name', 'fields.grant', 'fields.clientId']))
  })

  it('turns a thrown AppError into its code and message', async () => {
    const { router } = setup({
      'profiles.get': () => {
        throw new AppError('NOT_FOUND', 'No such connection.')
      },
    })
    expect(await router.invoke('profiles.get', trusted, { id: 'x' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such connection.' } })
  })

  it('hides the stack and any secret of an unexpected error, and logs it redacted', async () => {
    const { router, logs } = setup({
      'profiles.get': () => {
        const error = new Error(`boom with Bearer ${CANARY} and client_secret=${CANARY}`)
        throw error
      },
    })
    const reply = await router.invoke('profiles.get', trusted, { id: 'x' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    const text = JSON.stringify(reply)
    expect(text).not.toContain(CANARY)
    expect(text).not.toMatch(/at .*\.ts:\d+/)
    expect(text).not.toContain('boom')
    expect(logs.records.some((r) => r.message.includes('boom'))).toBe(true)
    expect(JSON.stringify(logs.records)).not.toContain(CANARY)
  })

  it('passes the handler the parsed input with defaults applied', async () => {
    const seen = vi.fn()
    const { router } = setup({
      'console.history': (input) => {
        seen(input)
        return []
      },
    })
    await router.invoke('console.history', trusted, {})
    expect(seen).toHaveBeenCalledWith({})
  })
})

function deepNest(depth: number): unknown {
  let value: unknown = { id: 'x' }
  for (let i = 0; i < depth; i++) value = { id: value }
  return value
}

describe('server text in replies', () => {
  it.each(['events.status', 'updates.state'] as const)('%s replies have registered secrets scrubbed (a server may quote a token in a close reason or an error)', async (channel) => {
    const token = 'CANARY-SOCKET-TOKEN-7f3e91ab'
    registerSecret(token)
    try {
      const { router } = setup({ [channel]: () => ({ state: 'closed', reason: `Zoom closed it: bad access_token=${token}` }) } as Partial<Handlers>)
      const input = channel === 'events.status' ? { profileId: 'abc-123' } : undefined
      const reply = await router.invoke(channel, trusted, input)
      expect(reply.ok).toBe(true)
      expect(JSON.stringify(reply)).not.toContain(token)
    } finally {
      forgetSecret(token)
    }
  })
})
