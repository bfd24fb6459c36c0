// A new Client Secret typed for a connection that works: held in memory, never written, until a
// connect with it succeeds (then it replaces the stored one) — so a mistyped secret never breaks
// a working connection. Quitting forgets it; the stored secret was never touched.
import { forgetSecret, registerSecret } from '../log/redact'

export class PendingSecrets {
  private readonly secrets = new Map<string, string>()

  /** `onAdopted`: told once a pending secret became the stored one (the profile's view changed). */
  constructor(private readonly onAdopted?: (profileId: string) => void) {}

  /** A connect with the pending secret succeeded and it was stored: it is pending no more. */
  adopted(profileId: string): void {
    this.clear(profileId)
    this.onAdopted?.(profileId)
  }

  set(profileId: string, secret: string): void {
    this.clear(profileId)
    registerSecret(secret)
    this.secrets.set(profileId, secret)
  }

  get(profileId: string): string | undefined {
    return this.secrets.get(profileId)
  }

  has(profileId: string): boolean {
    return this.secrets.has(profileId)
  }

  /** Forgets the pending secret (it was adopted, replaced or dropped). */
  clear(profileId: string): void {
    const secret = this.secrets.get(profileId)
    if (secret === undefined) return
    this.secrets.delete(profileId)
    forgetSecret(secret)
  }
}
