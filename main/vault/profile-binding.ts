// What ties a profile's stored secrets to where they may be sent. The client secret and the token
// set are kept only for the security-relevant fields of the profile they were saved for (client,
// account, endpoints, allowed domains, validation URL): the vault keeps, per profile, a MAC of
// those fields under a key derived from its data key. Someone who edits profiles.json on disk
// cannot compute it without the vault key, so a profile re-pointed that way no longer matches and
// its secrets are refused ("needs repair") before anything is sent.
//
// A per-profile MAC alone can be deleted, so the table of them carries one more MAC over all of
// its entries: removing an entry (or the whole table) breaks that MAC, and a table that does not
// authenticate counts as empty — every profile that stores a secret then needs repair.
import { createHmac, hkdfSync } from 'node:crypto'

const INFO = 'zoom-connect profile binding v1'
const TABLE_INFO = 'zoom-connect binding table v1'

/** The MAC of `binding` (canonical text of the fields) for `profileId`, base64url. */
export function bindingMac(dataKey: Buffer, profileId: string, binding: string): string {
  return mac(dataKey, INFO, JSON.stringify([profileId, binding]))
}

/** The MAC of the whole table of profile id → binding MAC (entries in id order), base64url. */
export function bindingTableMac(dataKey: Buffer, bindings: Record<string, string>): string {
  const entries = Object.entries(bindings).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return mac(dataKey, TABLE_INFO, JSON.stringify(entries))
}

function mac(dataKey: Buffer, info: string, text: string): string {
  const key = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), info, 32))
  try {
    return createHmac('sha256', key).update(text).digest('base64url')
  } finally {
    key.fill(0)
  }
}
