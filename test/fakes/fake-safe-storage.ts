// Electron's safeStorage stand-in: really encrypts, so plaintext-on-disk bugs show up.
// Written with the vault's tests; re-exported here so every suite finds the fakes in one place.
export { FakeSafeStorage } from '../main/vault/fake-safe-storage'
