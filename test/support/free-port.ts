// A port to name in a redirect URI before anything listens on it (the system-browser flow binds
// it later). Taken below the OS's ephemeral range, so no `listen(0)` in a parallel test — the
// sandbox, a static server — can be handed the same port in between.
import { createServer } from 'node:net'

const LOW = 20_000
const HIGH = 32_000

export async function unusedFixedPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW))
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
      probe.once('error', () => resolve(false))
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
    })
    if (free) return port
  }
  throw new Error(`no free port between ${LOW} and ${HIGH}`)
}
