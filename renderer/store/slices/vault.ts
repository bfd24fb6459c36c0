// Secret-storage protection: which keychain or passphrase wraps the vault, locked or not.
import type { StateCreator } from 'zustand'
import type { VaultStatus } from '../../../common/contract/index'
import { call } from '../../ipc'
import { trackTask, type Task } from '../task'
import type { Store } from '../types'

export type Protector = { protector: 'os-keychain'; currentPassphrase?: string } | { protector: 'passphrase'; passphrase: string; currentPassphrase?: string }

/** The vault's actions; one runs at a time (main serialises them too). */
export type VaultAction = 'setup' | 'unlock' | 'lock' | 'changeProtection' | 'startOver'

/** The running vault action, or the last one that failed and why (until the next one starts or it is dismissed). */
export type VaultTask = Task<VaultAction>

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
  /** A forgotten passphrase: the vault starts over with this protection (main asks first). */
  startVaultOver(protector: Protector): Promise<void>
  /** Forgets `action`'s failure (the dialog showing it was closed); a running action stays. */
  dismissVaultError(action: VaultAction): void
}

export const getEmptyVaultState = (): VaultState => ({ vault: undefined, vaultTask: undefined })

export const createVaultSlice: StateCreator<Store, [], [], VaultSlice> = (set, get) => {
  const track = (action: VaultAction, run: () => Promise<void>): Promise<void> => trackTask((vaultTask) => set({ vaultTask }), action, run)
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
    startVaultOver: (protector) =>
      track('startOver', async () => {
        get().setVaultStatus(await call('vault.startOver', protector.protector === 'passphrase' ? { protector: 'passphrase', passphrase: protector.passphrase } : { protector: 'os-keychain' }))
        // Every connection now needs its Client Secret again: their statuses say so.
        await get().loadConnections()
      }),
    dismissVaultError: (action) => set((s) => (s.vaultTask?.running === false && s.vaultTask.action === action ? { vaultTask: undefined } : {})),
  }
}
