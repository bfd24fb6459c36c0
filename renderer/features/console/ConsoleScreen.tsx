export default function ConsoleScreen(_: { profile: unknown }) { return null }
