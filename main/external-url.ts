/** Only https links leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  return URL.canParse(url) && new URL(url).protocol === 'https:'
}
