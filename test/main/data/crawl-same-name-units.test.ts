// A fan-out over parent rows names each unit by the row's name (a group's name, a meeting's
// topic), and two rows may share one: two groups both called "Maple Cedar São Paulo". Each is
// still a unit of its own, with its own listing, its own failure and its own retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiCatalog } from '../../../common/zoom/api/types'
import { listSpecFor } from '../../../common/zoom/browse/list-spec'
import type { CatalogSource } from '../../../main/data/jobs/job-manager'
import type { Sandbox } from '../../sandbox'
import { ZOOM_OPENAPI_AVAILABLE, zoomOpenApiTitle } from '../../support/zoom-openapi'
import { jobHarness, storedRows } from './harness'
import { listAll, sandboxZoom, startCatalogSandbox } from './sandbox-zoom'

const NOW = Date.UTC(2026, 2, 4, 12)
const MEMBERS = '/groups/{groupId}/members'
type Group = { id: string; name: string }
type Member = Record<string, unknown> & { groupId?: string }

describe.skipIf(!ZOOM_OPENAPI_AVAILABLE)(zoomOpenApiTitle('a fan-out over parent rows that share a name'), () => {
  let sandbox: Sandbox
  let catalog: ApiCatalog
  let source: CatalogSource
  let groups: Group[]
  let members: Map<string, Member[]>
  /** Two groups with the same name, each with members. */
  let twins: [Group, Group]

  beforeAll(async () => {
    ;({ catalog, source, sandbox } = await startCatalogSandbox({ seed: 23, users: 20, plan: 'unlimited', now: () => NOW }))
    const zoom = sandboxZoom(sandbox, { retry: { limit: 0 } })
    groups = await listAll<Group>(zoom, listSpecFor('/groups', catalog)!)
    members = new Map()
    for (const group of groups) members.set(group.id, await listAll<Member>(zoom, listSpecFor(MEMBERS, catalog)!, { groupId: group.id }))
    const named = groups.filter((group) => (members.get(group.id)?.length ?? 0) > 0)
    const first = named.find((group) => named.some((other) => other !== group && other.name === group.name))
    expect(first, 'two groups with members share a name').toBeDefined()
    twins = [first!, named.find((other) => other !== first && other.name === first!.name)!]
  })
  afterAll(() => sandbox.close())

  const membersOf = (rows: Member[], groupId: string) => rows.filter((row) => row.groupId === groupId).map(({ groupId: _g, ...row }) => JSON.stringify(row)).sort()
  const expected = (groupId: string) => members.get(groupId)!.map((row) => JSON.stringify(row)).sort()

  it('lists the members of both groups', async () => {
    const { jobs, finished } = jobHarness(sandboxZoom(sandbox, { retry: { limit: 0 } }), { apiCatalog: source, concurrency: 1 })
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: MEMBERS, params: {} }))
    expect(done).toMatchObject({ state: 'done', errors: [], unitsTotal: groups.length, unitsDone: groups.length })
    const rows = await storedRows<Member>(jobs.get(done.jobId).dataset)
    for (const twin of twins) expect(membersOf(rows, twin.id), `members of ${twin.id}`).toEqual(expected(twin.id))
    expect(rows).toHaveLength([...members.values()].reduce((sum, list) => sum + list.length, 0))
  })

  it('records both as failed, and "Retry failed" fetches both', async () => {
    sandbox.setFaults(twins.map((twin) => ({ kind: 'status' as const, status: 400, pathPrefix: `/v2/groups/${twin.id}/members` })))
    const { jobs, finished } = jobHarness(sandboxZoom(sandbox, { retry: { limit: 0 } }), { apiCatalog: source, concurrency: 1 })
    const first = await finished(jobs.crawl({ profileId: 'p1', resource: MEMBERS, params: {} }))
    sandbox.setFaults([])
    expect(first).toMatchObject({ state: 'done', failedUnits: 2, unitsDone: groups.length })
    expect(first.errors).toHaveLength(2)

    jobs.retryFailed(first.jobId)
    const done = await finished(first.jobId)
    expect(done).toMatchObject({ state: 'done', errors: [], failedUnits: 0, unitsDone: groups.length })
    const rows = await storedRows<Member>(jobs.get(done.jobId).dataset)
    for (const twin of twins) expect(membersOf(rows, twin.id), `members of ${twin.id}`).toEqual(expected(twin.id))
  })
})
