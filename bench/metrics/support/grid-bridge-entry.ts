// Bundled into one script (grid-bridge.ts) and injected with addInitScript before the built
// renderer loads: the component tests' in-memory fake bridge, as the preload would expose it, with
// one connected S2S profile whose users crawl yields 100,000 rows. Calls resolve without delay.
import { FakeBridge, makeProfile } from '../../../test/renderer/fake-bridge'

declare const __GRID_ROWS__: number

const profile = makeProfile({ id: 'bench', name: 'Bench account', scopes: ['user:read:admin'] })
const fake = new FakeBridge({
  profiles: [profile],
  rowCount: __GRID_ROWS__,
  statuses: [{ profileId: profile.id, state: 'connected', grantedScopes: ['user:read:admin'], hasRefreshToken: false, expiresAt: Date.now() + 3_600_000 }],
})
;(window as unknown as { zoomConnect: unknown }).zoomConnect = fake.asBridge()
