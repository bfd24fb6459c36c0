// @vitest-environment happy-dom
// Uploads and binary answers in the console, on the fake bridge: an upload operation opens a form
// with its fields from Zoom's schema, a file is chosen through main's dialog (the page holds only
// main's token, name and size), Send carries the token; a binary answer shows its size and type,
// never its bytes as text, and Save… asks main to write it.
import { screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiOperation } from '../../common/zoom/api/types'
import { resetConsoleCatalog } from '../../renderer/features/console/use-api-catalog'
import { makeProfile } from './fake-bridge'
import { renderApp } from './render-app'

/** userPicture as Zoom's Users.json writes it: one required `pic_file`, a plain string named after the file. */
const UPLOAD_PICTURE: ApiOperation = {
  method: 'POST',
  path: '/users/{userId}/picture',
  product: 'Users',
  operationId: 'userPicture',
  summary: 'Upload a user’s profile picture',
  deprecated: false,
  family: 'api',
  pagination: 'none',
  docsUrl: 'https://developers.zoom.us/docs/api/users/',
  params: [{ name: 'userId', in: 'path', required: true, schema: { type: 'string' }, type: 'string' }],
  requestBody: { contentType: 'multipart/form-data', required: false, schema: { required: ['pic_file'], type: 'object', properties: { pic_file: { type: 'string', description: 'The file’s path.' } } } },
  scopes: { classic: ['user:write:admin'], granular: [] },
}

async function openConsole() {
  const p = makeProfile({ name: 'Acme' })
  const app = await renderApp({ profiles: [p], statuses: [{ profileId: p.id, state: 'connected', grantedScopes: [], hasRefreshToken: false, apiUrl: 'https://api.zoom.us' }], apiCatalog: { operations: [UPLOAD_PICTURE] } })
  await app.user.click(within(screen.getByRole('navigation', { name: 'Connections' })).getByRole('button', { name: 'Acme' }))
  await app.user.click(await screen.findByRole('tab', { name: 'Console' }))
  await screen.findByRole('form', { name: 'Request' })
  return { ...app, p }
}

beforeEach(() => resetConsoleCatalog())

describe('console uploads', () => {
  it('builds the form from the operation’s schema, chooses the file through main, and sends main’s token', async () => {
    const { user, fake } = await openConsole()
    const path = screen.getByRole('combobox', { name: 'Path' })
    await user.clear(path)
    await user.type(path, '/users/me/picture')
    await user.keyboard('{ArrowDown}{Enter}')
    expect((path as HTMLInputElement).value).toBe('/users/{userId}/picture')
    await user.click(screen.getByRole('tab', { name: 'Body' }))
    const form = await screen.findByRole('group', { name: 'Form body' })
    expect((within(form).getByRole('textbox', { name: 'Form field 1 name' }) as HTMLInputElement).value).toBe('pic_file')
    expect((within(form).getByRole('combobox', { name: 'Form field pic_file kind' }) as HTMLSelectElement).value).toBe('file')
    // Sending before a file is chosen is refused in the page, naming the field.
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect((await screen.findByText(/Choose a file for pic_file/)).textContent).toBeTruthy()
    expect(fake.consoleSent).toEqual([])

    fake.fileAnswers.push({ name: 'face.png', size: 3000 })
    await user.click(within(form).getByRole('button', { name: 'Choose file…' }))
    await waitFor(() => expect(screen.getByTestId('form-file-pic_file').textContent).toBe('face.png (2.9 KB)'))
    await user.click(screen.getByRole('button', { name: 'Send' }))
    await waitFor(() => expect(fake.consoleSent).toHaveLength(1))
    const sent = fake.consoleSent[0]!
    expect(sent).toMatchObject({ method: 'POST', url: '/users/me/picture' })
    expect(sent.body).toBeUndefined()
    expect(sent.form).toEqual([{ name: 'pic_file', fileToken: expect.stringMatching(/^f/) }])
  })

  it('brings a sent form back from the history naming the file it had, which must be chosen again', async () => {
    const { user, fake } = await openConsole()
    const path = screen.getByRole('combobox', { name: 'Path' })
    await user.clear(path)
    await user.type(path, '/users/me/picture')
    await user.keyboard('{ArrowDown}{Enter}')
    await user.click(screen.getByRole('tab', { name: 'Body' }))
    fake.fileAnswers.push({ name: 'face.png', size: 3000 })
    await user.click(within(await screen.findByRole('group', { name: 'Form body' })).getByRole('button', { name: 'Choose file…' }))
    await waitFor(() => expect(screen.getByTestId('form-file-pic_file').textContent).toBe('face.png (2.9 KB)'))
    await user.click(screen.getByRole('button', { name: 'Send' }))
    await waitFor(() => expect(fake.consoleSent).toHaveLength(1))
    // Another request in the composer, then the upload picked from the history.
    await user.click(within(screen.getByRole('group', { name: 'Form body' })).getByRole('button', { name: 'Remove form field pic_file' }))
    const history = screen.getByRole('region', { name: 'History' })
    await user.click(await within(history).findByRole('button', { name: /\/users\/me\/picture/ }))
    const restored = await screen.findByTestId('form-file-pic_file')
    expect(restored.textContent).toBe('Choose face.png (2.9 KB) again: the history keeps no file')
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect((await screen.findByText(/Choose a file for pic_file/)).textContent).toBeTruthy()
    expect(fake.consoleSent).toHaveLength(1)
    fake.fileAnswers.push({ name: 'face.png', size: 3000 })
    await user.click(within(screen.getByRole('group', { name: 'Form body' })).getByRole('button', { name: 'Choose file…' }))
    await waitFor(() => expect(screen.getByTestId('form-file-pic_file').textContent).toBe('face.png (2.9 KB)'))
  })

  it('adds free-form rows when Zoom documents no schema: text and file', async () => {
    const { user, fake } = await openConsole()
    await user.selectOptions(screen.getByLabelText('Method'), 'POST')
    // Only a GET sends the empty Path's default: a POST names its path.
    await user.type(screen.getByRole('combobox', { name: 'Path' }), '/notes/upload')
    await user.keyboard('{Escape}')
    await user.click(screen.getByRole('tab', { name: 'Body' }))
    await user.click(screen.getByRole('radio', { name: 'Form (files)' }))
    await user.click(screen.getByRole('button', { name: 'Add form field' }))
    await user.type(screen.getByRole('textbox', { name: 'Form field 1 name' }), 'note')
    await user.type(screen.getByRole('textbox', { name: 'Form field note value' }), 'hello')
    await user.click(screen.getByRole('button', { name: 'Add form field' }))
    await user.type(screen.getByRole('textbox', { name: 'Form field 2 name' }), 'doc')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Form field doc kind' }), 'file')
    fake.fileAnswers.push({ name: 'a.pdf', size: 10 })
    await user.click(screen.getByRole('button', { name: 'Choose file…' }))
    await waitFor(() => expect(screen.getByTestId('form-file-doc').textContent).toBe('a.pdf (10 bytes)'))
    await user.click(screen.getByRole('button', { name: 'Send' }))
    await waitFor(() => expect(fake.consoleSent).toHaveLength(1))
    expect(fake.consoleSent[0]?.form).toEqual([{ name: 'note', value: 'hello' }, { name: 'doc', fileToken: expect.any(String) }])
  })

  it('shows a binary answer by size and type, never as text, and saves it through main', async () => {
    const { user, fake } = await openConsole()
    fake.nextConsoleResponse = {
      status: 200, statusText: 'OK', headers: [['content-type', 'application/pdf']], durationMs: 5, body: '', bodyBytes: 512, truncated: false, contentType: 'application/pdf',
      binary: { answerToken: 'answer-1', contentType: 'application/pdf', bytes: 512 },
    }
    await user.click(screen.getByRole('button', { name: 'Send' }))
    const shown = await screen.findByTestId('binary-answer')
    expect(shown.textContent).toContain('Binary answer, 512 bytes (application/pdf)')
    expect(screen.getByRole('tab', { name: 'Raw' }).hasAttribute('disabled') || screen.getByRole('tab', { name: 'Raw' }).getAttribute('data-disabled') !== null).toBe(true)
    await user.click(within(shown).getByRole('button', { name: 'Save…' }))
    await waitFor(() => expect(fake.savedAnswers).toEqual(['answer-1']))
    expect((await within(shown).findByRole('status')).textContent).toBe('Saved.')
  })
})
