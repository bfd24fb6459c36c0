// settings.chooseDownloadFolder: the download folder is set only through main's folder picker.
import { describe, expect, it } from 'vitest'
import { channels } from '../../../common/contract'
import { settingsSchema, type Settings } from '../../../common/contract/settings'
import { createDownloadFolderHandler } from '../../../main/ipc/handlers/download-folder'
import { FakeDialogs } from '../../fakes/simple-ports'

function setup(downloadFolder = '/home/me/Zoom recordings') {
  let settings: Settings = settingsSchema.parse({ downloadFolder })
  const updates: Partial<Settings>[] = []
  const dialogs = new FakeDialogs()
  const handlers = createDownloadFolderHandler({
    dialogs,
    settings: {
      get: () => settings,
      update: async (patch) => {
        updates.push(patch)
        settings = settingsSchema.parse({ ...settings, ...patch })
        return settings
      },
    },
  })
  const choose = () => handlers['settings.chooseDownloadFolder'](channels['settings.chooseDownloadFolder'].input.parse(undefined), {})
  return { dialogs, updates, choose }
}

describe('settings.chooseDownloadFolder', () => {
  it('stores the folder the person picked in main’s dialog', async () => {
    const { dialogs, updates, choose } = setup()
    dialogs.folderAnswers.push('/home/me/Videos/Zoom')
    expect(await choose()).toMatchObject({ downloadFolder: '/home/me/Videos/Zoom' })
    expect(updates).toEqual([{ downloadFolder: '/home/me/Videos/Zoom' }])
    expect(dialogs.calls).toEqual([{ kind: 'folder', title: expect.any(String) }])
  })

  it('leaves the setting alone when the dialog is cancelled', async () => {
    const { updates, choose } = setup()
    expect(await choose()).toMatchObject({ downloadFolder: '/home/me/Zoom recordings' })
    expect(updates).toEqual([])
  })

  it('refuses a network share or an application bundle picked in the dialog', async () => {
    const { dialogs, updates, choose } = setup()
    dialogs.folderAnswers.push('//fileserver/share', '/Applications/Zoom.app')
    await expect(choose()).rejects.toMatchObject({ code: 'VALIDATION' })
    await expect(choose()).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(updates).toEqual([])
  })
})

describe('the renderer cannot choose paths', () => {
  it('settings.update no longer accepts downloadFolder (settings still hold it)', () => {
    expect(channels['settings.update'].input.safeParse({ downloadFolder: '\\\\host\\share' }).success).toBe(false)
    expect(channels['settings.update'].input.safeParse({ downloadConcurrency: 2 }).success).toBe(true)
    expect(settingsSchema.parse({}).downloadFolder).toBe('')
  })

  it('downloads.enqueue no longer accepts a folder', () => {
    expect(channels['downloads.enqueue'].input.safeParse({ datasetId: 'd1', rowIndexes: [0], folder: '\\\\host\\share' }).success).toBe(false)
    expect(channels['downloads.enqueue'].input.safeParse({ datasetId: 'd1', rowIndexes: [0] }).success).toBe(true)
  })
})
