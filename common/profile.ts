// The connection profile: one schema for the renderer's editor and main's bridge validation,
// so a form never accepts what main would reject (DESIGN.md, common/profile.ts).
import { z } from 'zod'
import { hasLayoutCharacters, LAYOUT_CHARACTERS_MESSAGE } from './display-text'
import type { FieldIssue } from './errors'
import { toFieldIssues } from './validation'
import { checkUrlAllowed } from './zoom/allowlist'

export const GRANTS = ['s2s', 'authorization_code'] as const
export const APP_TYPES = ['user', 'admin'] as const
export const CLIENT_TYPES = ['confidential', 'public'] as const
export const PKCE_METHODS = ['S256', 'plain', 'none'] as const
export const AUTHORIZE_WITH = ['connect-window', 'system-browser'] as const
export const RATE_PLANS = ['free', 'pro', 'business'] as const

export type Grant = (typeof GRANTS)[number]
export type AppType = (typeof APP_TYPES)[number]
export type ClientType = (typeof CLIENT_TYPES)[number]
export type PkceMethod = (typeof PKCE_METHODS)[number]
export type AuthorizeWith = (typeof AUTHORIZE_WITH)[number]
export type RatePlan = (typeof RATE_PLANS)[number]

/**
 * Where a credential may go: https, or plain http only to this computer (the sandbox, a local
 * test server). An http URL on any other host would put a client secret or token on the wire.
 */
export function isSecureEndpointUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const url = new URL(value)
  if (url.username || url.password) return false
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && isLoopback(value)
}

const SECURE_URL_MESSAGE = 'must use https (http only for 127.0.0.1, localhost or [::1])'

const absoluteUrl = (label: string) =>
  z
    .string()
    .trim()
    .max(2048)
    .refine((v) => URL.canParse(v), `${label} must be an absolute URL`)
    .refine((v) => !URL.canParse(v) || isSecureEndpointUrl(v), `${label} ${SECURE_URL_MESSAGE}, without a user name or password`)

export const cloudSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('zoom') }).strict(),
  z.object({ kind: z.literal('zoomgov') }).strict(),
  z
    .object({
      kind: z.literal('custom'),
      oauthBaseUrl: absoluteUrl('OAuth base URL'),
      apiBaseUrl: absoluteUrl('API base URL'),
    })
    .strict(),
])
export type Cloud = z.infer<typeof cloudSchema>

export interface CloudEndpoints {
  /** e.g. https://zoom.us — `/oauth/authorize`, `/oauth/token`, `/oauth/revoke` hang off it. */
  oauthBase: string
  /** e.g. https://api.zoom.us — `/v2/...` hangs off it. */
  apiBase: string
}

export function cloudEndpoints(cloud: Cloud): CloudEndpoints {
  switch (cloud.kind) {
    case 'zoom':
      return { oauthBase: 'https://zoom.us', apiBase: 'https://api.zoom.us' }
    case 'zoomgov':
      return { oauthBase: 'https://zoomgov.com', apiBase: 'https://api.zoomgov.com' }
    case 'custom':
      return { oauthBase: stripTrailingSlash(cloud.oauthBaseUrl), apiBase: stripTrailingSlash(cloud.apiBaseUrl) }
  }
}

const stripTrailingSlash = (url: string) => url.replace(/\/+$/, '')

/** Hosts a profile's credential may be sent to when the person has not set any. */
export function defaultAllowedDomains(cloud: Cloud): string[] {
  const { apiBase } = cloudEndpoints(cloud)
  const hosts = [new URL(apiBase).host]
  if (cloud.kind === 'zoom') hosts.push('zoom.us', '*.zoom.us')
  if (cloud.kind === 'zoomgov') hosts.push('zoomgov.com', '*.zoomgov.com')
  return hosts
}

export function defaultValidationUrl(cloud: Cloud): string {
  return `${cloudEndpoints(cloud).apiBase}/v2/users/me`
}

/**
 * Limits that keep one profile small (profiles.json is rewritten whole on every change). The
 * longest scope name in Zoom's API descriptions is 61 characters, and Meetings alone lists 368
 * scopes: an app asking for every scope of a product still fits.
 */
export const MAX_SCOPES = 500
export const MAX_SCOPE_LENGTH = 100
export const MAX_NOTES_LENGTH = 2000

/** A scope name of at most `maxLength` characters. */
export const scopeSchemaUpTo = (maxLength: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(maxLength)
    .regex(/^[A-Za-z0-9_.:-]+$/, 'A scope is letters, digits and the characters _ . : -')

const scopeSchema = scopeSchemaUpTo(MAX_SCOPE_LENGTH)

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(253)
  .regex(/^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/, 'A domain is a host name, optionally starting with *. and ending with :port')

/** A connection's name: shown in main's own dialogs, so it cannot carry line breaks or bidi marks. */
export const profileNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the connection a name')
  .max(100)
  .refine((name) => !hasLayoutCharacters(name), LAYOUT_CHARACTERS_MESSAGE)

/** What the editor sends and main stores, minus the id, timestamps and the secret. */
export const profileFieldsSchema = z
  .object({
    name: profileNameSchema,
    description: z.string().max(500).default(''),
    grant: z.enum(GRANTS),
    appType: z.enum(APP_TYPES).default('user'),
    clientType: z.enum(CLIENT_TYPES).default('confidential'),
    accountId: z.string().trim().max(100).default(''),
    clientId: z.string().trim().min(1, 'The Client ID is required').max(100).regex(/^[A-Za-z0-9_-]+$/, 'A Client ID is letters, digits, _ and -'),
    scopes: z.array(scopeSchema).max(MAX_SCOPES).default([]),
    pkceMethod: z.enum(PKCE_METHODS).default('S256'),
    redirectUri: z.string().trim().max(2048).default(''),
    authorizeWith: z.enum(AUTHORIZE_WITH).default('connect-window'),
    cloud: cloudSchema.default({ kind: 'zoom' }),
    validationUrl: z
      .string()
      .trim()
      .max(2048)
      .refine((v) => v === '' || URL.canParse(v), 'The validation URL must be an absolute URL')
      .refine((v) => v === '' || !URL.canParse(v) || isSecureEndpointUrl(v), `The validation URL ${SECURE_URL_MESSAGE}, without a user name or password`)
      .default(''),
    allowedDomains: z.array(domainSchema).max(50).default([]),
    ratePlan: z.enum(RATE_PLANS).default('pro'),
    notes: z.string().max(MAX_NOTES_LENGTH).default(''),
  })
  .strict()

export type ProfileFields = z.infer<typeof profileFieldsSchema>
export type ProfileFieldsInput = z.input<typeof profileFieldsSchema>

/** Every field at the schema's default, name and Client ID empty: where a new profile starts. */
export function defaultProfileFields(grant: Grant): ProfileFields {
  return { ...profileFieldsSchema.parse({ name: 'x', grant, clientId: 'x' }), name: '', clientId: '' }
}

/**
 * The client secret is write-only: `undefined` keeps what is stored, a string replaces it,
 * `null` removes it. It is never read back.
 */
export const clientSecretInputSchema = z.string().trim().min(1, 'The Client Secret cannot be empty').max(200).nullable().optional()

export const profileDraftSchema = z
  .object({
    fields: profileFieldsSchema,
    clientSecret: clientSecretInputSchema,
  })
  .strict()
export type ProfileDraft = z.input<typeof profileDraftSchema>

export interface Profile extends ProfileFields {
  id: string
  createdAt: string
  updatedAt: string
}

/** The renderer's view of a profile: the secret only as a flag. */
export interface ProfileView extends Profile {
  hasClientSecret: boolean
  /** Fields whose stored secret cannot be decrypted (repair state). */
  needsRepair: string[]
  /**
   * A new Client Secret was saved while the connection worked: it waits (in memory) until a
   * connect with it succeeds, and the stored one stays in use until then.
   */
  pendingClientSecret?: boolean
}

/**
 * What a stored client secret is bound to: the client it belongs to and the endpoints of the
 * cloud (the OAuth host it is sent to, the API host the tokens it mints are sent to). Changing
 * one of them must not carry the stored secret along, or whoever can edit a profile could send
 * it to a host of their choosing; the person types it again instead.
 */
export function secretBinding(fields: Pick<ProfileFields, 'clientId' | 'cloud'>): string {
  const { oauthBase, apiBase } = cloudEndpoints(fields.cloud)
  return JSON.stringify([fields.clientId.trim(), comparableUrl(oauthBase), comparableUrl(apiBase)])
}

/** Why a stored secret cannot be kept for `next`, or undefined when it can. */
export function secretReentryReason(stored: Pick<ProfileFields, 'clientId' | 'cloud'>, next: Pick<ProfileFields, 'clientId' | 'cloud'>): string | undefined {
  if (secretBinding(stored) === secretBinding(next)) return undefined
  return stored.clientId.trim() !== next.clientId.trim() ? 'the Client ID changed' : "the app's endpoints changed"
}

/** Lower-cased scheme and host, default port dropped, no trailing slash: `HTTPS://Zoom.us/` equals `https://zoom.us`. */
function comparableUrl(value: string): string {
  const trimmed = value.trim()
  if (!URL.canParse(trimmed)) return trimmed
  return new URL(trimmed).href.replace(/\/+$/, '')
}

export interface SecretContext {
  /** A secret is stored for the profile. */
  stored: boolean
  /** What the draft says: undefined keeps the stored one, a string replaces it, null removes it. */
  provided: string | null | undefined
  /**
   * The stored secret may not be kept (secretReentryReason): the reason, shown under the field.
   * The editor and main both pass it, so the field is required in the form exactly when main requires it.
   */
  mustBeReentered?: string | undefined
}

/** Server-to-Server and confidential OAuth apps authenticate with a Client Secret; a public PKCE client has none. */
export const usesClientSecret = (fields: Pick<ProfileFields, 'grant' | 'clientType'>): boolean => fields.grant === 's2s' || fields.clientType === 'confidential'

/** Rules across fields. Run on top of the field schema so every problem is reported at once. */
export function crossFieldIssues(fields: ProfileFields, secret: SecretContext): FieldIssue[] {
  const issues: FieldIssue[] = []
  const add = (path: string, message: string) => issues.push({ path, message })
  const keepsStored = secret.provided === undefined && secret.stored
  const willHaveSecret = secret.provided === undefined ? secret.stored && !secret.mustBeReentered : secret.provided !== null
  const secretMissing = (message: string) => add('clientSecret', keepsStored && secret.mustBeReentered ? `Enter the Client Secret again: ${secret.mustBeReentered}` : message)

  if (fields.grant === 's2s') {
    if (!fields.accountId) add('fields.accountId', 'A Server-to-Server app needs its Account ID')
    else if (!/^[A-Za-z0-9_-]+$/.test(fields.accountId)) add('fields.accountId', 'An Account ID is letters, digits, _ and -')
    if (fields.clientType === 'public') add('fields.clientType', 'A Server-to-Server app is always a confidential client')
    if (!willHaveSecret) secretMissing('A Server-to-Server app needs its Client Secret')
  } else {
    if (!fields.redirectUri) add('fields.redirectUri', 'Paste the redirect URL registered in the Zoom app')
    else if (!isValidRedirectUri(fields.redirectUri)) add('fields.redirectUri', 'The redirect URL must be an absolute https URL (or http on 127.0.0.1/localhost) without a fragment')
    if (fields.clientType === 'public') {
      if (fields.pkceMethod === 'none') add('fields.pkceMethod', 'A public client must use PKCE')
      if (secret.provided) add('clientSecret', 'A public client has no Client Secret')
    } else if (!willHaveSecret) {
      secretMissing('A confidential app needs its Client Secret')
    }
    if (fields.authorizeWith === 'system-browser' && fields.redirectUri && isValidRedirectUri(fields.redirectUri)) {
      if (!isLoopback(fields.redirectUri)) add('fields.authorizeWith', 'The system browser needs a loopback redirect URL (http://127.0.0.1:PORT/...)')
      else {
        const localhost = localhostRedirectProblem(fields.redirectUri)
        if (localhost) add('fields.redirectUri', localhost)
      }
    }
  }
  const names = new Set<string>()
  fields.scopes.forEach((scope, i) => {
    if (names.has(scope)) add(`fields.scopes.${i}`, `The scope ${scope} is listed twice`)
    names.add(scope)
  })
  // The token must not be sent anywhere the allowlist does not let it go, Test connection included.
  issues.push(...validationUrlIssues(fields))
  return issues
}

export function isValidRedirectUri(value: string): boolean {
  if (!URL.canParse(value)) return false
  const url = new URL(value)
  if (url.hash) return false
  if (url.protocol === 'https:') return true
  return url.protocol === 'http:' && isLoopback(value)
}

export function isLoopback(value: string): boolean {
  if (!URL.canParse(value)) return false
  const host = new URL(value).hostname
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]'
}

/**
 * Why a system-browser sign-in cannot use this redirect URL, when its host is the name `localhost`
 * (RFC 8252 §8.3): the browser may resolve it to ::1, or to whatever the hosts file says, where
 * another program can be listening for the code. An IP literal leaves it no choice, so the
 * listener and the editor both ask for 127.0.0.1 instead of binding every address localhost
 * might mean.
 */
export function localhostRedirectProblem(redirectUri: string): string | undefined {
  if (!URL.canParse(redirectUri)) return undefined
  const url = new URL(redirectUri)
  if (url.hostname !== 'localhost') return undefined
  url.hostname = '127.0.0.1'
  return `Sign-in in the system browser cannot use localhost, which another program could answer for: register ${url.href} in the Zoom app and use it here`
}

export type DraftResult = { ok: true; fields: ProfileFields; clientSecret: string | null | undefined } | { ok: false; issues: FieldIssue[] }

/**
 * Validate a draft completely: field schema plus cross-field rules, reporting every problem.
 * `saved` is the profile as stored (when editing): if the draft changes what its secret is bound
 * to, a stored secret is not kept and a new one is required.
 */
export function validateProfileDraft(input: unknown, hasStoredSecret: boolean, saved?: Pick<ProfileFields, 'clientId' | 'cloud'>): DraftResult {
  const parsed = profileDraftSchema.safeParse(input)
  if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error) }
  const mustBeReentered = hasStoredSecret && saved ? secretReentryReason(saved, parsed.data.fields) : undefined
  const issues = crossFieldIssues(parsed.data.fields, { stored: hasStoredSecret, provided: parsed.data.clientSecret, mustBeReentered })
  if (issues.length > 0) return { ok: false, issues }
  return { ok: true, fields: parsed.data.fields, clientSecret: parsed.data.clientSecret }
}

/** The validation URL and allowlist in force, with defaults filled in from the cloud. */
export function effectiveEndpoints(fields: Pick<ProfileFields, 'cloud' | 'validationUrl' | 'allowedDomains'>) {
  return {
    ...cloudEndpoints(fields.cloud),
    validationUrl: fields.validationUrl || defaultValidationUrl(fields.cloud),
    allowedDomains: fields.allowedDomains.length > 0 ? fields.allowedDomains : defaultAllowedDomains(fields.cloud),
  }
}

/** The validation URL in force must be one the allowlist in force lets the token reach. */
export function validationUrlIssues(fields: Pick<ProfileFields, 'cloud' | 'validationUrl' | 'allowedDomains'>, path = 'fields.validationUrl'): FieldIssue[] {
  // No URL: the default is on the API host, inside the default allowlist. Unparseable: the schema says so.
  if (!fields.validationUrl || !URL.canParse(fields.validationUrl)) return []
  const { validationUrl, allowedDomains } = effectiveEndpoints(fields)
  const check = checkUrlAllowed(new URL(validationUrl), allowedDomains)
  return check.ok ? [] : [{ path, message: `The validation URL would send the access token outside the allowed domains: ${check.reason}` }]
}
