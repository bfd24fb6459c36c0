// Secret-storage protection: which keychain or passphrase wraps the vault, locked or not.
import type { StateCreator } from 'zustand'
import type { VaultStatus } from '../../../common/contract/index'
import { call, errorMessage } from '../../ipc'
import type { Store } from '../types'

export type Protector = { protector: 'os-keychain'; currentPassphrase?: string } | { protector: 'passphrase'; passphrase: string; currentPassphrase?: string }

/** The vault's actions; one runs at a time (main serialises them too). */
export type VaultAction = 'setup' | 'unlock' | 'lock' | 'changeProtection'

/** The running vault action, or the last one that failed and why (until the next one starts). */
export type VaultTask = { action: VaultAction; running: true; error?: undefined } | { action: VaultAction; running: false; error: string }

export interface VaultState {
  vault: VaultStatus | undefined
  vaultTask: VaultTask | undefined
}

/** Each action records itself in `vaultTask` (running, then cleared or failed) and still rejects on failure. */
export interface VaultSlice extends VaultState {
  setVaultStatus(status: VaultStatus): void
  setupVault(protector: Protector): Promise<void>
  unlockVault(passphrase?: string): Promise<void>
  lockVault(): Promise<void>
  changeProtection(protector: Protector): Promise<void>
}

export const getEmptyVaultState = (): VaultState => ({ vault: undefined, vaultTask: undefined })

export const createVaultSlice: StateCreator<Store, [], [], VaultSlice> = (set, get) => {
  const track = async (action: VaultAction, run: () => Promise<void>): Promise<void> => {
    set({ vaultTask: { action, running: true } })
    try {
      await run()
      set({ vaultTask: undefined })
    } catch (error) {
      set({ vaultTask: { action, running: false, error: errorMessage(error) } })
      throw error
    }
  }
  return {
    ...getEmptyVaultState(),
    setVaultStatus: (vault) => set({ vault }),
    setupVault: (protector) => track('setup', async () => get().setVaultStatus(await call('vault.setup', protector))),
    unlockVault: (passphrase) =>
      track('unlock', async () => {
        get().setVaultStatus(await call('vault.unlock', passphrase === undefined ? {} : { passphrase }))
        // Statuses read as 'locked' while the vault was closed; fetch them again.
        await get().loadConnections()
      }),
    lockVault: () => track('lock', async () => get().setVaultStatus(await call('vault.lock', undefined))),
    changeProtection: (protector) => track('changeProtection', async () => get().setVaultStatus(await call('vault.changeProtection', protector))),
  }
}

/** Whether `action` is running, and its error if it was the last to fail. */
export function vaultTaskOf(task: VaultTask | undefined, action: VaultAction): { pending: boolean; error: string | undefined } {
  return task?.action === action ? { pending: task.running, error: task.error } : { pending: false, error: undefined }
}
