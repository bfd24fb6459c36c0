// Shared by crash-safety.test.ts and its child: a token set whose every field is derived from a
// counter, so a mixed or half-written set is detectable.
export const CRASH_KEYRING = 'crash test keyring'
export const CRASH_PROFILE = 'crash-profile'

export function crashTokenSet(counter: number) {
  return {
    counter,
    access_token: `at-${counter}-${'a'.repeat(600 + (counter % 97))}`,
    refresh_token: `rt-${counter}-${'r'.repeat(300 + (counter % 31))}`,
    expires_at: 1_800_000_000_000 + counter * 1000,
    scope: `scope:${counter} user:read:admin`,
  }
}
