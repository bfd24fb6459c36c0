// Browser sessions of the sign-in page (cookie) and the consent requests waiting for a click.
import { randomBytes } from 'node:crypto'
import type { RegisteredApp } from '../apps'
import { parseCookies } from '../http'

export const SESSION_COOKIE = 'zoom_sandbox_session'

export interface PendingConsent {
  sessionId: string
  app: RegisteredApp
  redirectUri: string
  state: string | undefined
  codeChallenge: string | undefined
  method: 'S256' | 'plain' | undefined
  scopes: string[]
  userIndex: number
}

export class SessionStore {
  private readonly sessions = new Map<string, number>()
  private readonly consents = new Map<string, PendingConsent>()
  private readonly ssoTickets = new Map<string, number>()

  create(userIndex: number): string {
    const id = randomBytes(18).toString('base64url')
    this.sessions.set(id, userIndex)
    return id
  }

  /** The signed-in user of a request, from its cookie. */
  userOf(cookieHeader: string | undefined): { sessionId: string; userIndex: number } | undefined {
    const id = parseCookies(cookieHeader).get(SESSION_COOKIE)
    if (id === undefined) return undefined
    const userIndex = this.sessions.get(id)
    return userIndex === undefined ? undefined : { sessionId: id, userIndex }
  }

  end(sessionId: string): void {
    this.sessions.delete(sessionId)
  }

  addConsent(consent: PendingConsent): string {
    const id = randomBytes(18).toString('base64url')
    this.consents.set(id, consent)
    return id
  }

  /** A consent is used once, and only by the session it was shown to. */
  takeConsent(id: string, sessionId: string): PendingConsent | undefined {
    const consent = this.consents.get(id)
    if (consent === undefined || consent.sessionId !== sessionId) return undefined
    this.consents.delete(id)
    return consent
  }

  /** The stand-in identity provider hands back a one-time ticket, as a SAML assertion would. */
  issueSsoTicket(userIndex: number): string {
    const ticket = randomBytes(18).toString('base64url')
    this.ssoTickets.set(ticket, userIndex)
    return ticket
  }

  redeemSsoTicket(ticket: string): number | undefined {
    const userIndex = this.ssoTickets.get(ticket)
    this.ssoTickets.delete(ticket)
    return userIndex
  }

  cookie(sessionId: string): string {
    return `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax`
  }

  clearCookie(): string {
    return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`
  }
}
