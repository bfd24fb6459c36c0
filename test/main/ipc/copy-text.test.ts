// app.copyText: a Copy button's non-secret text goes to main's clipboard port, within the
// contract's size limit, from our own page only.
import { describe, expect, it } from 'vitest'
import { COPY_TEXT_MAX_CHARS } from '../../../common/contract'
import { createAppHandlers } from '../../../main/ipc/handlers/app'
import { createRouter, type SenderInfo } from '../../../main/ipc/router'
import type { Handlers } from '../../../main/ipc/types'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { FakeClipboard } from '../../fakes/simple-ports'

const ORIGIN = 'app://zoom-connect'
const trusted: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }

function setup() {
  const clipboard = new FakeClipboard()
  const handlers = createAppHandlers({
    app: { name: 'Zoom Connect', version: '0.0.0', platform: 'linux', arch: 'x64', versions: { node: '20' } },
    shell: { openPath: async () => undefined, openExternal: async () => undefined },
    clipboard,
    vaultStatus: () => ({ state: 'uninitialised', protection: { kind: 'none', secure: false }, keychain: { available: false, secure: false } }),
    problems: () => [],
    dismissProblem: () => undefined,
  })
  const router = createRouter({ handlers: handlers as unknown as Handlers, trustedOrigins: [ORIGIN], log: createLogger(memoryLogSink(), 'ipc') })
  return { router, clipboard }
}

describe('app.copyText', () => {
  it('writes the text to main’s clipboard', async () => {
    const { router, clipboard } = setup()
    expect(await router.invoke('app.copyText', trusted, { text: 'user:read:user meeting:read:meeting' })).toEqual({ ok: true, value: undefined })
    expect(clipboard.readText()).toBe('user:read:user meeting:read:meeting')
  })

  it('refuses text over the limit, empty text and extra keys, and leaves the clipboard alone', async () => {
    const { router, clipboard } = setup()
    clipboard.writeText('before')
    for (const input of [{ text: 'x'.repeat(COPY_TEXT_MAX_CHARS + 1) }, { text: '' }, { text: 'a', html: '<b>a</b>' }, { text: 42 }]) {
      expect(await router.invoke('app.copyText', trusted, input)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(clipboard.readText()).toBe('before')
  })

  it('takes a response body as large as the console keeps', async () => {
    const { router, clipboard } = setup()
    const body = 'é'.repeat(2 * 1024 * 1024)
    expect(await router.invoke('app.copyText', trusted, { text: body })).toMatchObject({ ok: true })
    expect(clipboard.readText()).toHaveLength(body.length)
  })

  it('is refused to a page that is not ours', async () => {
    const { router, clipboard } = setup()
    expect(await router.invoke('app.copyText', { ...trusted, frameUrl: 'https://zoom.us/oauth/authorize' }, { text: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    expect(clipboard.readText()).toBe('')
  })
})
