// Importing connections that point at another cloud than Zoom's: main shows their endpoints in
// its own dialog and imports nothing unless the person confirms (the file may come from anyone).
import { describe, expect } from 'vitest'
import { credentialsTest } from '../auth/credentials-fixture'
import { caught } from '../../support/caught'
import { s2sDraft } from '../auth/credentials-harness'

const it = credentialsTest()
  /** An export file holding these profiles, dated now. */
  .extend('file', { scope: 'file' }, ({ time }) => (profiles: Record<string, unknown>[]) => JSON.stringify({ format: 'zoom-connect-profiles', version: 1, exportedAt: new Date(time.now()).toISOString(), profiles }))
  /** The names of the saved connections. */
  .extend('names', { scope: 'file' }, ({ app }) => async () => (await app.call('profiles.list', undefined)).map((p) => p.name))

it.beforeEach(({ app }) => {
  app.fakes.dialogs.confirmations.length = 0
  app.fakes.dialogs.confirmAnswers.length = 0
})

describe('importing connections', () => {
  it('that point at another cloud: shows their endpoints and asks first; refused imports nothing', async ({ app, sandbox, file, names }) => {
    const other = { ...s2sDraft(sandbox, 'Elsewhere\nZoom: safe').fields, name: 'Elsewhere' }
    const error = await caught(app.call('profiles.importJson', { json: file([other, { name: 'On Zoom', grant: 's2s', accountId: 'acc', clientId: 'cid' }]) }))
    expect(error.code).toBe('CANCELLED')
    expect(await names()).not.toContain('Elsewhere')
    expect(await names()).not.toContain('On Zoom')
    expect(app.fakes.dialogs.confirmations).toHaveLength(1)
    const asked = app.fakes.dialogs.confirmations[0]!
    const text = `${asked.message}\n${asked.detail ?? ''}`
    expect(text).toContain(`${sandbox.url}`)
    expect(asked.detail?.split('\n')[0]).toContain(new URL(sandbox.url).host)
    expect(asked.detail).toContain('“Elsewhere”')
    expect(asked.detail).not.toContain('On Zoom')

    app.fakes.dialogs.confirmAnswers.push(true)
    expect((await app.call('profiles.importJson', { json: file([other]) })).created).toHaveLength(1)
  })

  it('on Zoom’s own clouds: asks nothing', async ({ app, file }) => {
    const created = await app.call('profiles.importJson', { json: file([{ name: 'Plain Zoom', grant: 's2s', accountId: 'acc', clientId: 'cid2' }, { name: 'Gov', grant: 's2s', accountId: 'acc', clientId: 'cid3', cloud: { kind: 'zoomgov' } }]) })
    expect(created.created).toHaveLength(2)
    expect(app.fakes.dialogs.confirmations).toEqual([])
  })
})
