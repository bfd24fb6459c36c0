/** The name of the one global the preload exposes in the renderer. */
export const BRIDGE_GLOBAL = 'zoomConnect'
