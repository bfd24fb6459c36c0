export default function BrowseScreen(_: { profile: unknown }) { return null }
