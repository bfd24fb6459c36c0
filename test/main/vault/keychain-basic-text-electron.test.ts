// assessKeychain against safeStorage as Electron 41 really behaves on Linux (the stand-in follows
// shell/browser/api/electron_api_safe_storage.cc): with the `basic_text` backend and no
// setUsePlainTextEncryption(true), isEncryptionAvailable() is FALSE, not true as FakeSafeStorage
// assumes. The person must still be told why (no recognised keyring) and how to pick a real one.
import { describe, expect, it } from 'vitest'
import { assessKeychain } from '../../../main/vault'
import { createSafeStorage } from '../../electron-standin/safe-storage'

const linuxSafeStorage = (backend: 'basic_text' | 'gnome_libsecret') => createSafeStorage({ isReady: () => true, appName: () => 'Zoom Connect', backend: () => backend })

describe('OS keychain assessment on Electron’s own Linux safeStorage', () => {
  it('basic_text: Electron reports encryption unavailable, and the reason still names basic_text and --password-store', () => {
    const safeStorage = linuxSafeStorage('basic_text')
    expect(safeStorage.isEncryptionAvailable()).toBe(false)
    const assessment = assessKeychain(safeStorage, 'linux')
    expect(assessment).toMatchObject({ backend: 'basic_text', secure: false })
    expect(assessment.reason).toMatch(/hard-coded password/)
    expect(assessment.reason).toMatch(/--password-store=gnome-libsecret/)
  })

  it('gnome_libsecret stays secure', () => {
    expect(assessKeychain(linuxSafeStorage('gnome_libsecret'), 'linux')).toMatchObject({ available: true, secure: true })
  })
})
