// What ties a profile's stored secrets to where they may be sent. The client secret and the token
// set are kept only for the security-relevant fields of the profile they were saved for (client,
// account, endpoints, allowed domains, validation URL): the vault keeps, per profile, a MAC of
// those fields under a key derived from its data key. Someone who edits profiles.json on disk
// cannot compute it without the vault key, so a profile re-pointed that way no longer matches and
// its secrets are refused ("needs repair") before anything is sent.
import { createHmac, hkdfSync } from 'node:crypto'

const INFO = 'zoom-connect profile binding v1'

/** The MAC of `binding` (canonical text of the fields) for `profileId`, base64url. */
export function bindingMac(dataKey: Buffer, profileId: string, binding: string): string {
  const key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), INFO, 32))
  try {
    return createHmac('sha256', key).update(JSON.stringify([profileId, binding])).digest('base64url')
  } finally {
    key.fill(0)
  }
}
