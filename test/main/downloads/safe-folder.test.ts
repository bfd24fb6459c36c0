import { describe, expect, it } from 'vitest'
import { assertSafeFolder, folderProblem, isBundleName } from '../../../main/downloads/safe-folder'

describe('folderProblem', () => {
  const refusedEverywhere = [
    ['a UNC share', '\\\\host\\share\\recordings'],
    ['a UNC share with forward slashes', '//host/share'],
    ['a Windows device path', '\\\\?\\C:\\recordings'],
    ['a Windows device path with mixed slashes', '\\/host/share'],
    ['an empty path', ''],
    ['a path with NUL', '/home/me/rec\u0000x'],
    ['a parent segment', '/home/me/../../etc'],
  ] as const

  it.each(refusedEverywhere)('refuses %s on macOS, Linux and Windows', (_label, path) => {
    for (const platform of ['darwin', 'linux', 'win32'] as const) expect(folderProblem(path, platform), `${platform}: ${path}`).toBeDefined()
  })

  it.each([
    ['/Applications/Zoom.app'],
    ['/Applications/Zoom.app/Contents/MacOS'],
    ['/Users/me/Thing.APP/x'],
    ['/Library/PreferencePanes/Evil.prefPane'],
    ['/Users/me/Installer.pkg/Contents'],
  ])('refuses a macOS bundle or a folder inside one: %s', (path) => {
    expect(folderProblem(path, 'darwin')).toMatch(/application|bundle/i)
  })

  it('refuses relative paths, and on Windows paths without a drive or with a stream name', () => {
    expect(folderProblem('recordings', 'linux')).toMatch(/full path/)
    expect(folderProblem('./recordings', 'darwin')).toMatch(/full path/)
    expect(folderProblem('C:\\Users\\me', 'linux')).toMatch(/full path/)
    expect(folderProblem('C:recordings', 'win32')).toMatch(/full path/)
    expect(folderProblem('\\recordings', 'win32')).toMatch(/full path/)
    expect(folderProblem('/recordings', 'win32')).toMatch(/full path/)
    expect(folderProblem('C:\\Users\\me\\rec:stream', 'win32')).toBeDefined()
  })

  it('accepts ordinary local folders, mounted volumes and mapped drives', () => {
    expect(folderProblem('/home/me/Zoom recordings', 'linux')).toBeUndefined()
    expect(folderProblem('/Users/me/Movies/Zoom', 'darwin')).toBeUndefined()
    expect(folderProblem('/Volumes/NAS/recordings', 'darwin')).toBeUndefined()
    expect(folderProblem('/', 'linux')).toBeUndefined()
    expect(folderProblem('C:\\Users\\me\\Videos', 'win32')).toBeUndefined()
    expect(folderProblem('Z:/Team/recordings', 'win32')).toBeUndefined()
    expect(folderProblem('/home/me/my.application.notes', 'darwin')).toBeUndefined()
  })

  it('assertSafeFolder throws VALIDATION naming the folder', () => {
    expect(() => assertSafeFolder('//host/share', 'linux')).toThrow(expect.objectContaining({ code: 'VALIDATION', message: expect.stringContaining('//host/share') }))
    expect(() => assertSafeFolder('/home/me', 'linux')).not.toThrow()
  })

  it('knows bundle names case-insensitively', () => {
    expect(isBundleName('Zoom.app')).toBe(true)
    expect(isBundleName('x.Framework')).toBe(true)
    expect(isBundleName('app')).toBe(false)
    expect(isBundleName('host@example.com')).toBe(false)
  })
})
