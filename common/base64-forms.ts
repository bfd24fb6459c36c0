// The two base64 spellings of a text's UTF-8 bytes, as a server that echoes a secret "helpfully"
// would write them: base64 (a Basic header) and base64url (a JWT's parts, a URL). Both without
// their `=` padding: a quote of a secret is found by its characters, and the padding is not one
// of them. Built on btoa and TextEncoder, so it runs in main, in its threads and in the page.

/** [base64, base64url] of the text's UTF-8 bytes, unpadded. */
export function base64Forms(text: string): [string, string] {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  const base64 = btoa(binary).replace(/=+$/, '')
  return [base64, base64.replace(/\+/g, '-').replace(/\//g, '_')]
}
