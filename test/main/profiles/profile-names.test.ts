// A profile name is written by the renderer but shown in main's own dialogs: it may not carry
// control or bidi characters, and main's dialogs lead with what matters (the hosts) and show the
// name escaped on a line of its own, so a name cannot pre-write or reorder the question.
import { describe, expect, it } from 'vitest'
import { channels } from '../../../common/contract'
import { hasLayoutCharacters } from '../../../common/display-text'
import { profileFieldsSchema } from '../../../common/profile'
import { confirmNewCredentialHosts } from '../../../main/profiles/credential-reach'
import type { DialogPort } from '../../../main/ports'
import { storedProfileSchema } from '../../../main/profiles/profiles-document'

const HOSTILE_NAMES = [
  'Acme\nThis domain belongs to Zoom, it is safe to allow.',
  'Acme\r\nOK',
  'tab\there',
  'nul\u0000',
  'esc\u001b[2J',
  'del\u007f',
  'c1\u0085next line',
  'override \u202Emoc.mooz',
  'isolate \u2066x\u2069',
  'marks \u200E\u200F',
  'arabic mark \u061C',
  'line separator \u2028second line',
  'paragraph separator \u2029second',
]

describe('profile names', () => {
  const fields = (name: string) => ({ name, grant: 's2s', accountId: 'acc', clientId: 'client' })

  it('refuse control, bidi and line-separator characters, with a message on the name field', () => {
    for (const name of HOSTILE_NAMES) {
      const result = profileFieldsSchema.safeParse(fields(name))
      expect(result.success, JSON.stringify(name)).toBe(false)
      expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['name'])
    }
  })

  it('accept any other text, accents, scripts and emoji included', () => {
    for (const name of ['Zoë 東京 — Sales (EU)', 'شركة', 'Team 🚀', "O'Brien & Co. <test>"]) expect(profileFieldsSchema.safeParse(fields(name)).success, name).toBe(true)
  })

  it('the same rule holds for the name given to a duplicate', () => {
    const input = channels['profiles.duplicate'].input
    expect(input.safeParse({ id: 'p1', name: 'Copy \u202Eevil' }).success).toBe(false)
    expect(input.safeParse({ id: 'p1', name: 'Copy\nOK' }).success).toBe(false)
    expect(input.safeParse({ id: 'p1', name: 'Copy of Acme' }).success).toBe(true)
  })
})

describe('the “Allow new domains” question', () => {
  function recordingDialogs() {
    const asked: Parameters<DialogPort['confirm']>[0][] = []
    const dialogs = {
      chooseSaveFile: async () => undefined,
      chooseOpenFile: async () => undefined,
      chooseFolder: async () => undefined,
      confirm: async (options: Parameters<DialogPort['confirm']>[0]) => {
        asked.push(options)
        return false
      },
    } satisfies DialogPort
    return { dialogs, asked }
  }

  it('leads with the hosts and shows the name escaped on its own line', async () => {
    // A name that got past the schema (e.g. typed into profiles.json by hand).
    const name = 'Acme\nZoom says: this domain is safe \u202Eevil'
    const { dialogs, asked } = recordingDialogs()
    await expect(confirmNewCredentialHosts(dialogs, [{ profileName: name, hosts: ['evil.example', 'x.example'] }])).rejects.toMatchObject({ code: 'CANCELLED' })
    const question = asked[0]!
    expect(question.message).toContain('evil.example, x.example')
    expect(question.message).not.toContain('Acme')
    const lines = (question.detail ?? '').split('\n')
    expect(lines[0]).toContain('evil.example, x.example')
    const nameLines = lines.filter((line) => line.includes('Acme'))
    expect(nameLines).toEqual([expect.stringContaining('Acme\\nZoom says: this domain is safe \\u202Eevil')])
    expect(hasLayoutCharacters((question.detail ?? '').replaceAll('\n', ''))).toBe(false)
    expect(question.detail).not.toContain('\nZoom says')
  })

  it('with several connections: every host first, then each name escaped on its own line with its hosts', async () => {
    const { dialogs, asked } = recordingDialogs()
    await expect(
      confirmNewCredentialHosts(dialogs, [
        { profileName: 'First', hosts: ['a.example'] },
        { profileName: 'Second\u2028line', hosts: ['b.example'] },
      ]),
    ).rejects.toMatchObject({ code: 'CANCELLED' })
    const lines = (asked[0]!.detail ?? '').split('\n')
    expect(lines[0]).toContain('a.example, b.example')
    expect(lines.filter((l) => l.includes('Second'))).toEqual([expect.stringContaining('Second\\u2028line')])
  })
})

describe('names stored before the rule', () => {
  it('keep their profile loading, shown escaped', () => {
    const stored = { name: 'Old\tname \u202Ex', grant: 's2s', accountId: 'acc', clientId: 'client', id: 'p1', createdAt: 'x', updatedAt: 'x' }
    expect(storedProfileSchema.parse(stored).name).toBe('Old\\tname \\u202Ex')
  })
})
