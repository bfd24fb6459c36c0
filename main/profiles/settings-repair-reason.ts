// The message for settings reset by the repair. The names come from a hand-edited file and are
// shown in Settings: a few are quoted, each shortened and with its control and text-direction
// characters escaped, so a long name, thousands of them, or a mark that reorders the text around
// it cannot make the message unreadable or misleading.
import { escapeLayoutCharacters } from '../../common/display-text'

const NAMES_SHOWN = 5
const NAME_CHARS = 40

function quoted(name: string): string {
  const short = name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS)}…` : name
  return `“${escapeLayoutCharacters(short)}”`
}

/** `unusable`: the names reset; `unknown`: how many of them this version does not have at all. */
export function settingsResetReason(fileName: string, unusable: readonly string[], unknown: number): string {
  const more = unusable.length - NAMES_SHOWN
  const names = unusable.slice(0, NAMES_SHOWN).map(quoted).join(', ') + (more > 0 ? ` and ${more} more, ${unusable.length} in all` : '')
  const one = unusable.length === 1
  const note = unknown === 0 ? '' : `; ${unknown === unusable.length ? 'not a setting' : 'some are not settings'} of this version`
  return (
    `${one ? 'A setting' : 'Some settings'} in ${fileName} could not be used (${names}${note}), ` +
    `so ${one ? 'it is' : 'they are'} back to the default. Your connections and other settings were kept; change it again in Settings.`
  )
}
