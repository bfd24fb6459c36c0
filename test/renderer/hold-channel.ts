import type { Bridge, ChannelName } from '../../common/contract/index'
import { setBridge } from '../../renderer/ipc'
import type { FakeBridge } from './fake-bridge'

/**
 * Installs the fake's bridge with one channel held until `release` is called, as main is while it
 * works (revoking at Zoom, deriving a key, writing a large file): the page sees the call pending,
 * then the fake's real answer.
 */
export function holdChannel(fake: FakeBridge, channel: ChannelName): { release(): void; callIds: (string | undefined)[] } {
  const real = fake.asBridge() as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  /** The id the page gave each held call (for app.cancelCall), as it made it. */
  const callIds: (string | undefined)[] = []
  setBridge({
    ...real,
    [channel]: async (...args: unknown[]) => {
      callIds.push(args[1] as string | undefined)
      return held.then(() => real[channel]!(...args))
    },
  } as unknown as Bridge)
  return { release: () => release(), callIds }
}
