// The vault's failures that become connection states rather than plain errors.
import { isAppError } from '../../common/errors'

export const isVaultLocked = (error: unknown) => isAppError(error) && error.code === 'VAULT_LOCKED'
export const isUndecryptable = (error: unknown) => isAppError(error) && error.code === 'VAULT_DECRYPT_FAILED'
