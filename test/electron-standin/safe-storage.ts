// safeStorage as Electron 41 implements it on Linux (shell/browser/api/electron_api_safe_storage.cc
// over Chromium's components/os_crypt/sync/os_crypt_linux.cc):
// - before `ready`: isEncryptionAvailable() is false, getSelectedStorageBackend() is 'unknown',
//   encrypt/decrypt throw "safeStorage cannot be used before app is ready";
// - a real secret store (gnome_libsecret, kwallet*) gives "v11" ciphertext under a random key the
//   store keeps; `basic_text` has no such key, so encryption is unavailable unless the app calls
//   setUsePlainTextEncryption(true), and then the "v10" key derived from the hard-coded password
//   "peanuts" is used (anyone can decrypt it);
// - decrypting text without a v10/v11 prefix throws;
// - Electron 41 has only these five methods (the binding's Initialize): no isAsyncEncryptionAvailable,
//   encryptStringAsync or decryptStringAsync, which later Electrons add. The stand-in offers none of
//   them either, so code calling them fails here as it would in Electron 41.
// The "secret store" is a process-wide map keyed by the app name, so a restarted app (a new
// stand-in over the same folder) finds its key again, as it would in the user's keyring.
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto'

export type LinuxStorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6'

const keyring = new Map<string, Buffer>()
const IV = Buffer.alloc(16, ' ')
// os_crypt_linux.cc: kSalt "saltysalt", one PBKDF2-SHA1 iteration, 128-bit key, AES-128-CBC.
const deriveKey = (password: Buffer | string) => pbkdf2Sync(password, 'saltysalt', 1, 16, 'sha1')
const V10_KEY = deriveKey('peanuts')

export function forgetKeyring(): void {
  keyring.clear()
}

export function createSafeStorage(state: { isReady(): boolean; appName(): string; backend(): LinuxStorageBackend }) {
  let usePlainText = false
  const v11Key = () => {
    const name = `${state.appName()} Safe Storage`
    let password = keyring.get(name)
    if (!password) keyring.set(name, (password = randomBytes(16)))
    return deriveKey(password.toString('base64'))
  }
  const realStore = () => state.backend() !== 'basic_text'
  const isEncryptionAvailable = () => state.isReady() && (realStore() || usePlainText)
  const refuse = (verb: 'encrypting the text provided to safeStorage.encryptString' | 'decrypting the ciphertext provided to safeStorage.decryptString') => {
    if (!state.isReady()) throw new Error('safeStorage cannot be used before app is ready')
    const what = verb.startsWith('encrypting') ? 'Encryption' : 'Decryption'
    throw new Error(`Error while ${verb}. ${what} is not available.`)
  }
  return {
    isEncryptionAvailable,
    getSelectedStorageBackend: () => (state.isReady() ? state.backend() : 'unknown'),
    setUsePlainTextEncryption(value: boolean) {
      usePlainText = value
    },
    encryptString(plainText: string): Buffer {
      if (!isEncryptionAvailable()) refuse('encrypting the text provided to safeStorage.encryptString')
      const [prefix, key] = realStore() ? ['v11', v11Key()] : ['v10', V10_KEY]
      const cipher = createCipheriv('aes-128-cbc', key, IV)
      return Buffer.concat([Buffer.from(prefix), cipher.update(plainText, 'utf8'), cipher.final()])
    },
    decryptString(encrypted: Buffer): string {
      if (!isEncryptionAvailable()) refuse('decrypting the ciphertext provided to safeStorage.decryptString')
      if (!Buffer.isBuffer(encrypted)) throw new Error('Expected the first argument of decryptString() to be a buffer')
      if (encrypted.length === 0) return ''
      const prefix = encrypted.subarray(0, 3).toString()
      if (prefix !== 'v10' && prefix !== 'v11') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Ciphertext does not appear to be encrypted.')
      const key = prefix === 'v11' ? v11Key() : V10_KEY
      try {
        const decipher = createDecipheriv('aes-128-cbc', key, IV)
        return Buffer.concat([decipher.update(encrypted.subarray(3)), decipher.final()]).toString('utf8')
      } catch {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      }
    },
  }
}
