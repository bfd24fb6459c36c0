// The sandbox's SCIM2 lists (`/scim2/Users`, `/scim2/Groups`), served beside /v2 as Zoom's file
// says, paged by startIndex and count (RFC 7644 §3.4.2.4, capped at the file's maximum), every
// answer valid against the file's schema, the `filter` it can follow applied and any other refused
// as not emulated, and the scopes the file names required.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiCatalog } from '../../common/zoom/api/types'
import { HAND_WRITTEN_GETS } from './api/dispatch'
import { availableProducts, loadZoomFiles, OPENAPI_DIR } from './api/generic/zoom-files'
import { GenericSweep, nonConformance } from './generic-sweep'
import { startSandbox, type Sandbox } from './index'
import { getJson, s2sToken, userTokens } from './testing'

const AVAILABLE = availableProducts().length === 31
const title = AVAILABLE ? 'SCIM2 lists in the sandbox' : `SCIM2 lists skipped: Zoom's 31 OpenAPI files are not in ${OPENAPI_DIR}`

type ListResponse = { schemas: string[]; totalResults: number; startIndex: number; itemsPerPage: number; Resources: Record<string, unknown>[] }

describe.skipIf(!AVAILABLE)(title, () => {
  let zoom: Sandbox
  let admin: string
  let catalog: ApiCatalog
  let sweep: GenericSweep

  beforeAll(async () => {
    catalog = loadZoomFiles()!.catalog
    zoom = await startSandbox({ seed: 5, users: 10, plan: 'unlimited' })
    admin = (await s2sToken(zoom)).access_token
    sweep = new GenericSweep(zoom.url, admin, catalog, HAND_WRITTEN_GETS)
  })
  afterAll(() => zoom?.close())

  /** One answer, checked against the operation's schema (undeclared fields forbidden) when it is a 200. */
  async function scim(path: string, query = ''): Promise<{ status: number; body: ListResponse & { code?: number; message?: string } }> {
    const op = catalog.gets.get(path)!
    const answer = await sweep.get(`${path}${query}`)
    if (answer.status === 200) expect(nonConformance({ op, request: path + query, ...answer }), `${path}${query}`).toBeUndefined()
    return { status: answer.status, body: answer.body as ListResponse & { code?: number; message?: string } }
  }

  for (const path of ['/scim2/Users', '/scim2/Groups']) {
    it(`${path}: pages by startIndex/count to totalResults, each row once, in one order`, async () => {
      const whole = await scim(path, '?count=100')
      expect(whole.status).toBe(200)
      expect(whole.body.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:ListResponse'])
      const total = whole.body.totalResults
      expect(total).toBeGreaterThan(0)
      const ids: unknown[] = []
      for (let start = 1; start <= total; start += 7) {
        const page = await scim(path, `?startIndex=${start}&count=7`)
        expect(page.body.startIndex).toBe(start)
        expect(page.body.totalResults).toBe(total)
        expect(page.body.itemsPerPage).toBe(Math.min(7, total - start + 1))
        expect(page.body.Resources).toHaveLength(page.body.itemsPerPage)
        ids.push(...page.body.Resources.map((row) => row.id))
      }
      expect(new Set(ids).size).toBe(total)
      expect(ids.slice(0, 100)).toEqual(whole.body.Resources.map((row) => row.id))
      // Past the end: no rows, the total still the whole list's.
      expect((await scim(path, `?startIndex=${total + 1}&count=7`)).body).toMatchObject({ totalResults: total, itemsPerPage: 0, Resources: [] })
    })
  }

  it('count is capped at the file’s maximum (100), 1 by the file’s default, a negative one is 0 and 0 answers only the total; startIndex < 1 is 1', async () => {
    const total = (await scim('/scim2/Users', '?count=0')).body.totalResults
    expect((await scim('/scim2/Users', '?count=0')).body).toMatchObject({ totalResults: total, itemsPerPage: 0, Resources: [] })
    expect((await scim('/scim2/Users', '?count=-5')).body).toMatchObject({ totalResults: total, itemsPerPage: 0 })
    expect((await scim('/scim2/Users', '?count=5000')).body.itemsPerPage).toBe(Math.min(100, total))
    expect((await scim('/scim2/Users')).body).toMatchObject({ startIndex: 1, itemsPerPage: 1 })
    const first = (await scim('/scim2/Users', '?count=3')).body.Resources
    for (const start of ['0', '-4']) {
      const page = (await scim('/scim2/Users', `?startIndex=${start}&count=3`)).body
      expect(page.startIndex, start).toBe(1)
      expect(page.Resources, start).toEqual(first)
    }
  })

  it('a user’s nested fields are there to be shown: name.givenName, emails[0].value', async () => {
    const [user] = (await scim('/scim2/Users', '?count=1')).body.Resources
    expect(typeof (user?.name as { givenName?: unknown } | undefined)?.givenName).toBe('string')
    expect(typeof (user?.emails as { value?: unknown }[] | undefined)?.[0]?.value).toBe('string')
  })

  it('filter: userName eq "…" (any case, RFC 7643 caseExact false) and displayName eq "…" select those rows; totalResults counts them', async () => {
    const users = (await scim('/scim2/Users', '?count=100')).body.Resources
    const wanted = String(users[users.length - 1]!.userName)
    for (const filter of [`userName eq "${wanted}"`, `USERNAME EQ "${wanted.toUpperCase()}"`]) {
      const page = (await scim('/scim2/Users', `?count=100&filter=${encodeURIComponent(filter)}`)).body
      expect(page.totalResults, filter).toBe(users.filter((u) => String(u.userName).toLowerCase() === wanted.toLowerCase()).length)
      expect(page.Resources.map((u) => u.id), filter).toContain(users[users.length - 1]!.id)
    }
    expect((await scim('/scim2/Users', `?filter=${encodeURIComponent('userName eq "nobody@example.invalid"')}`)).body).toMatchObject({ totalResults: 0, Resources: [] })
    const groups = (await scim('/scim2/Groups', '?count=100')).body.Resources
    const group = (await scim('/scim2/Groups', `?filter=${encodeURIComponent(`displayName eq ${JSON.stringify(groups[0]!.displayName)}`)}`)).body
    expect(group.Resources[0]?.id).toBe(groups[0]!.id)
  })

  it('refuses any other filter as not emulated, never guessing', async () => {
    for (const [path, filter] of [
      ['/scim2/Users', 'externalId eq "ABCD1345"'],
      ['/scim2/Users', 'userName co "example"'],
      ['/scim2/Users', 'userName eq "a@b.c" and active eq true'],
      // Zoom's own example, unquoted: not SCIM's grammar, and what Zoom makes of it is not documented.
      ['/scim2/Groups', 'displayName eq G1'],
      ['/scim2/Groups', 'userName eq "a@b.c"'],
    ] as const) {
      const answer = await scim(path, `?filter=${encodeURIComponent(filter)}`)
      expect(answer.status, filter).toBe(400)
      expect(answer.body.code, filter).toBe(300)
      expect(answer.body.message, filter).toMatch(/\(not emulated\)\.$/)
    }
  })

  it('is served beside /v2 only, and wants the scopes the file names (scim2 or scim2:admin)', async () => {
    const under = await getJson(`${zoom.url}/v2/scim2/Users`, admin)
    expect(under.status).toBe(404)
    expect(await under.json()).toEqual({ code: 2300, message: 'This API endpoint is not recognized.' })
    const user = (await userTokens(zoom, 'userOAuth', { scopes: ['user:read'] })).access_token
    const refused = await getJson(`${zoom.url}/scim2/Users`, user)
    expect(refused.status).toBe(400)
    expect(await refused.json()).toEqual({ code: 4711, message: 'Invalid access token, does not contain scopes:[scim2, scim2:admin].' })
  })
})
