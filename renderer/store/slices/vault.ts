// Secret-storage protection: which keychain or passphrase wraps the vault, locked or not.
import type { StateCreator } from 'zustand'
import type { VaultStatus } from '../../../common/contract/index'
import { call } from '../../ipc'
import type { Store } from '../types'

export type Protector = { protector: 'os-keychain'; currentPassphrase?: string } | { protector: 'passphrase'; passphrase: string; currentPassphrase?: string }

export interface VaultState {
  vault: VaultStatus | undefined
}

export interface VaultSlice extends VaultState {
  setVaultStatus(status: VaultStatus): void
  setupVault(protector: Protector): Promise<void>
  unlockVault(passphrase?: string): Promise<void>
  lockVault(): Promise<void>
  changeProtection(protector: Protector): Promise<void>
}

export const getEmptyVaultState = (): VaultState => ({ vault: undefined })

export const createVaultSlice: StateCreator<Store, [], [], VaultSlice> = (set, get) => ({
  ...getEmptyVaultState(),
  setVaultStatus: (vault) => set({ vault }),
  setupVault: async (protector) => {
    get().setVaultStatus(await call('vault.setup', protector))
  },
  unlockVault: async (passphrase) => {
    get().setVaultStatus(await call('vault.unlock', passphrase === undefined ? {} : { passphrase }))
    // Statuses read as 'locked' while the vault was closed; fetch them again.
    await get().loadConnections()
  },
  lockVault: async () => {
    get().setVaultStatus(await call('vault.lock', undefined))
  },
  changeProtection: async (protector) => {
    get().setVaultStatus(await call('vault.changeProtection', protector))
  },
})
