// Calls the real bridge (window.zoomConnect, built by the real preload) from the test, as the
// renderer would: everything goes through the preload, the stand-in's IPC and the app's router.
import type { Page } from 'playwright-core'
import type { ChannelInput, ChannelName, ChannelOutput, Envelope } from '../../common/contract'

export async function call<K extends ChannelName>(page: Page, channel: K, input?: ChannelInput<K>): Promise<Envelope<ChannelOutput<K>>> {
  return page.evaluate(
    ([name, value]) => (window as unknown as { zoomConnect: Record<string, (i: unknown) => Promise<unknown>> }).zoomConnect[name]!(value),
    [channel, input] as const,
  ) as Promise<Envelope<ChannelOutput<K>>>
}

/** The value of a call that must succeed; a failure names its code and message. */
export async function value<K extends ChannelName>(page: Page, channel: K, input?: ChannelInput<K>): Promise<ChannelOutput<K>> {
  const reply = await call(page, channel, input)
  if (!reply.ok) throw new Error(`${channel} failed: ${reply.error.code}: ${reply.error.message}`)
  return reply.value
}
