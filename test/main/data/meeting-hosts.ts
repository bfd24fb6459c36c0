// A sandbox account of twelve users, each hosting meetings (seed 29: all active), for crawls that
// fan out over users: the users in the order Zoom lists them, and each one's meeting uuids, read
// straight from the client before any crawl.
import { expect } from 'vitest'
import { type Sandbox, startSandbox } from '../../sandbox'
import { builtIn, listAll, sandboxZoom } from './sandbox-zoom'

export interface MeetingHosts {
  sandbox: Sandbox
  users: { id: string; email: string }[]
  /** User id → the uuids of the meetings they host. */
  meetings: Map<string, string[]>
}

export async function startMeetingHosts(now: number): Promise<MeetingHosts> {
  const sandbox = await startSandbox({ seed: 29, users: 12, plan: 'unlimited', now: () => now })
  const zoom = sandboxZoom(sandbox)
  const users = await listAll<{ id: string; email: string }>(zoom, builtIn('/users'))
  const meetings = new Map<string, string[]>()
  for (const user of users) meetings.set(user.id, (await listAll<{ uuid: string }>(zoom, builtIn('/users/{userId}/meetings'), { userId: user.id })).map((m) => m.uuid))
  expect(users).toHaveLength(12)
  expect(users.every((u) => (meetings.get(u.id)?.length ?? 0) > 0)).toBe(true)
  return { sandbox, users, meetings }
}
