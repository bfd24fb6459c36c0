// How main quotes text it did not write (a profile name) in its own dialogs.
import { escapeLayoutCharacters } from '../common/display-text'

/** In quotes, with line breaks, tabs and bidi marks shown as escapes instead of taking effect. */
export const quotedName = (name: string): string => `“${escapeLayoutCharacters(name)}”`
