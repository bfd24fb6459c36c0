// The guided setup's words: for each kind of app, the steps in the Zoom Marketplace in order.
import type { AppKind } from '../../store/slices/session'

export type StepId = 'create' | 'credentials' | 'redirect' | 'scopes' | 'activate'

export interface GuideStep {
  id: StepId
  title: string
  body: string
}

const create = (appName: string, managed?: string): GuideStep => ({
  id: 'create',
  title: `Create a ${appName}`,
  body: `In the Zoom Marketplace choose Develop → Build App → ${appName}${managed ? `, and under “How will the app be managed?” choose ${managed}` : ''}. Give this connection a name you will recognise.`,
})

const scopes: GuideStep = {
  id: 'scopes',
  title: 'Add the scopes',
  body: 'On the app’s Scopes page press “Add Scopes” and add the scopes listed here. Pick presets for what you want to browse; each missing scope disables a tab.',
}

const redirect: GuideStep = {
  id: 'redirect',
  title: 'Register the redirect URL',
  body: 'On Basic Information, paste this URL into “OAuth Redirect URL” and add it to the “OAuth Allow List”. Zoom Connect catches the redirect in its connect window, so nothing has to listen at that address.',
}

export const GUIDES: Record<AppKind, GuideStep[]> = {
  s2s: [
    create('Server-to-Server OAuth App'),
    { id: 'credentials', title: 'Copy the app credentials', body: 'On the App Credentials page copy the Account ID, Client ID and Client Secret into these fields.' },
    scopes,
    {
      id: 'activate',
      title: 'Activate the app',
      body: 'Fill in the Information page, then press “Activate your app” on the Activation page. Zoom refuses tokens for an app that is not activated. Scope changes apply only to tokens minted afterwards.',
    },
  ],
  user: [
    create('General App', 'User-managed'),
    { id: 'credentials', title: 'Copy the client credentials', body: 'On Basic Information → App Credentials copy the Client ID and Client Secret. Development and production have different pairs: use the ones matching the redirect URL you register.' },
    redirect,
    scopes,
    { id: 'activate', title: 'Connect', body: 'Press “Save & connect”: you sign in to Zoom and approve the scopes. The token then refreshes itself.' },
  ],
  admin: [
    create('General App', 'Admin-managed'),
    { id: 'credentials', title: 'Copy the client credentials', body: 'On Basic Information → App Credentials copy the Client ID and Client Secret. Development and production have different pairs.' },
    redirect,
    scopes,
    { id: 'activate', title: 'Connect as an admin', body: 'Press “Save & connect” and sign in as an account admin or owner: an admin-managed app is authorised for the whole account.' },
  ],
  public: [
    create('General App', 'User-managed'),
    { id: 'credentials', title: 'Copy the Client ID', body: 'A public app keeps no secret: copy only the Client ID, and enable the public PKCE client in the app’s settings. PKCE (S256) proves each sign-in instead.' },
    redirect,
    scopes,
    { id: 'activate', title: 'Connect', body: 'Press “Save & connect”: you sign in to Zoom and approve the scopes. The token then refreshes itself.' },
  ],
}
