// Where a path of Zoom's API is served. Every product's file has https://api.zoom.us/v2 as its
// server, except SCIM2's, whose server is https://api.zoom.us: its paths (`/scim2/Users`) sit
// beside /v2, not under it. One rule for the client, the console and the sandbox.

const BESIDE_V2 = /^\/scim2(\/|$|\?)/

/** True for a path (relative to the API origin, as the files write it) that is not under /v2. */
export function isServedBesideV2(path: string): boolean {
  return BESIDE_V2.test(path)
}

/** The path on the API origin: `/v2/users/me` for `/users/me`, `/scim2/Users` as it is. */
export function originPathOf(path: string): string {
  return isServedBesideV2(path) ? path : `/v2${path}`
}
