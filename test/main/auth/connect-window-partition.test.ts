// The connect window's session for a sign-in that is not remembered: in memory, one name per
// profile (Electron never releases a session it created, so a new name per attempt would grow
// without bound), and cleared after every attempt, however it ends.
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../common/errors'
import { connectWindowAgent, ephemeralPartition, persistentPartition } from '../../../main/auth/user-agents'
import type { AuthorizeRequest, AuthWindowPort } from '../../../main/ports'

function recordingWindow(outcome: (request: AuthorizeRequest) => Promise<string>) {
  const partitions: string[] = []
  const events: string[] = []
  const port: AuthWindowPort = {
    authorize: async (request) => {
      partitions.push(request.partition)
      events.push(`open ${request.partition}`)
      return outcome(request)
    },
    clearSession: async (partition) => void events.push(`clear ${partition}`),
  }
  return { port, partitions, events }
}

const attempt = (profileId: string) => ({ profileId, profileName: 'Acme', url: 'https://zoom.us/oauth/authorize?x=1', redirectUri: 'https://example.com/cb', state: 's', signal: new AbortController().signal })

describe('connect window partitions', () => {
  it('reuses one in-memory partition per profile for sign-ins that are not remembered, clearing it after each', async () => {
    const window = recordingWindow(async () => 'https://example.com/cb?code=c&state=s')
    const agent = connectWindowAgent(window.port, () => false)
    for (let i = 0; i < 3; i++) await agent.authorize(attempt('p1'))
    await agent.authorize(attempt('p2'))
    expect(new Set(window.partitions)).toEqual(new Set([ephemeralPartition('p1'), ephemeralPartition('p2')]))
    expect(window.partitions.every((p) => !p.startsWith('persist:'))).toBe(true)
    expect(window.events).toEqual([...Array(3).fill(['open zc-p1', 'clear zc-p1']).flat(), 'open zc-p2', 'clear zc-p2'])
  })

  it('clears the partition when the person closes the window too', async () => {
    const window = recordingWindow(async () => {
      throw new AppError('AUTH_FLOW_CANCELLED', 'closed')
    })
    await expect(connectWindowAgent(window.port, () => false).authorize(attempt('p1'))).rejects.toMatchObject({ code: 'AUTH_FLOW_CANCELLED' })
    expect(window.events).toEqual(['open zc-p1', 'clear zc-p1'])
  })

  it('keeps a remembered sign-in in the profile’s persistent partition, uncleared', async () => {
    const window = recordingWindow(async () => 'https://example.com/cb?code=c&state=s')
    await connectWindowAgent(window.port, () => true).authorize(attempt('p1'))
    expect(window.events).toEqual([`open ${persistentPartition('p1')}`])
  })

  it('opens the next attempt only after the cancelled one has cleared the shared partition', async () => {
    const events: string[] = []
    const pendingClears: (() => void)[] = []
    const finishClear = () => pendingClears.splice(0).forEach((done) => done())
    const port: AuthWindowPort = {
      authorize: (request) => {
        events.push(`open ${request.partition}`)
        return new Promise<string>((resolve, reject) => {
          if (events.filter((e) => e.startsWith('open')).length > 1) return resolve('https://example.com/cb?code=c&state=s')
          request.signal.addEventListener('abort', () => reject(new AppError('AUTH_FLOW_CANCELLED', 'cancelled')))
        })
      },
      clearSession: (partition) => {
        events.push(`clear ${partition} started`)
        return new Promise<void>((resolve) => void pendingClears.push(() => (events.push(`clear ${partition} done`), resolve())))
      },
    }
    const agent = connectWindowAgent(port, () => false)
    const first = new AbortController()
    const a = agent.authorize({ ...attempt('p1'), signal: first.signal }).catch(() => 'cancelled')
    await Promise.resolve()
    first.abort()
    await new Promise((resolve) => setTimeout(resolve, 0))
    // The person presses Connect again at once (PendingFlows has already forgotten the first flow).
    const b = agent.authorize(attempt('p1'))
    await new Promise((resolve) => setTimeout(resolve, 0))
    finishClear()
    await a
    await new Promise((resolve) => setTimeout(resolve, 0))
    finishClear()
    await b
    expect(events.slice(0, 4)).toEqual(['open zc-p1', 'clear zc-p1 started', 'clear zc-p1 done', 'open zc-p1'])
  })
})
