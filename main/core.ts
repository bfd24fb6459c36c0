// Everything main does, minus Electron (DESIGN.md "main/core.ts"): built from ports, used by
// main/index.ts with Electron adapters and by the tests and end-to-end harness with fakes.
import type { StoreProblem } from '../common/contract'
import { createCredentials, type Credentials } from './auth/credentials'
import { BinaryAnswers, ChosenFiles, ConsoleService, HISTORY_FILE, OperationSchemas, openConsoleHistory } from './console'
import { createDataServices, type DataServices } from './data'
import { demoSeedSchema, seedDemoProfiles } from './demo-seed'
import { scopeLevelOf } from '../common/zoom/catalog'
import { createAppHandlers } from './ipc/handlers/app'
import { createAuthHandlers } from './ipc/handlers/auth'
import { createCatalogHandlers } from './ipc/handlers/catalog'
import { ApiCatalogService, API_FILES_FOLDER, createHttpApiFileSource } from './catalog'
import { createConsoleHandlers } from './ipc/handlers/console'
import { createDataHandlers } from './ipc/handlers/data'
import { createDownloadHandlers } from './ipc/handlers/downloads'
import { createEventsHandlers } from './ipc/handlers/events'
import { createProfileHandlers } from './ipc/handlers/profiles'
import { createSettingsHandlers } from './ipc/handlers/settings'
import { createLiveEvents, EVENTS_FILE, type LiveEvents } from './events'
import { createDownloadFolderHandler } from './ipc/handlers/download-folder'
import { createUpdatesHandlers } from './ipc/handlers/updates'
import { createVaultHandlers } from './ipc/handlers/vault'
import { createRouter, type Router } from './ipc/router'
import type { Handlers } from './ipc/types'
import { createLogger } from './log/logger'
import { redactingEvents } from './log/redacting-events'
import { systemClock, systemScheduler, type CoreAdapters } from './ports'
import { UpdateService } from './updates/update-service'
import { openVault } from './vault/vault'
import { setAsideCopies } from './store'
import { ProxyAgents, proxyAgentsFor, proxyHook } from './net/proxy'
import { createZoomClients, type ZoomClients } from './zoom'
import path from 'node:path'

export interface CoreOptions {
  /** Origins the renderer is served from; calls from anywhere else are refused. */
  trustedOrigins: readonly string[]
}

export interface Core {
  router: Router
  credentials: Credentials
  zoom: ZoomClients
  data: DataServices
  apiCatalog: ApiCatalogService
  liveEvents: LiveEvents
  /** Creates one profile per sandbox app (npm run demo); input is validated. */
  seedDemo(input: unknown): Promise<number>
  dispose(): Promise<void>
}

export async function createCore(given: CoreAdapters, options: CoreOptions): Promise<Core> {
  // Every event main pushes passes the redactor (a server's words can quote a secret).
  const adapters: CoreAdapters = { ...given, events: redactingEvents(given.events) }
  const clock = adapters.clock ?? systemClock
  // Files that could not be read were moved aside: keep telling the person until they dismiss it.
  const problems: StoreProblem[] = []
  const reportProblem = (problem: StoreProblem) => {
    problems.push(problem)
    adapters.events.emit('app.problem', problem)
  }

  const vault = await openVault({ dir: adapters.dataDir, safeStorage: adapters.safeStorage, platform: adapters.app.platform, onProblem: reportProblem })
  // A keychain vault needs nothing from the person: load its key now, or the first screen of every
  // later start reads "Secrets are locked" and asks a keychain user for a passphrase they never set.
  if (vault.status().protection.kind === 'os-keychain') await vault.unlock().catch(() => undefined)
  // One hook (and one set of proxy agents) for all of main's HTTP: token endpoint, validation, Zoom API, downloads.
  const proxyAgents = new ProxyAgents()
  const hook = adapters.proxy ? proxyHook(adapters.proxy, proxyAgents) : undefined
  const proxy = hook ? { proxy: hook } : {}
  const eventsProxy = hook && adapters.proxy ? { proxy: { hook, agentsFor: proxyAgentsFor(adapters.proxy, proxyAgents) } } : {}
  const credentials = await createCredentials({ adapters, vault, onProblem: reportProblem, ...proxy })
  const zoom = createZoomClients({ tokens: credentials.tokens, profiles: credentials.profileLookup, outcomes: credentials.outcomes, log: createLogger(adapters.log, 'zoom'), clock, ...proxy })
  // Zoom's whole API, read from its OpenAPI files when first asked (public documents: no credential is sent).
  const apiCatalog = new ApiCatalogService({
    dir: path.join(adapters.dataDir, API_FILES_FOLDER),
    source: adapters.apiFiles ?? createHttpApiFileSource(hook ? { proxy: hook } : {}),
    clock,
    log: createLogger(adapters.log, 'catalog'),
    build: adapters.app.version,
  })
  const data = createDataServices({
    zoom,
    apiCatalog,
    grant: (profileId) => ({ level: scopeLevelOf(credentials.profileLookup.get(profileId)), granted: credentials.grantedScopes(profileId) }),
    dialogs: adapters.dialogs,
    shell: adapters.shell,
    events: adapters.events,
    settings: () => credentials.settings.get(),
    log: adapters.log,
    dataDir: adapters.dataDir,
    ...(adapters.datasetWorker ? { datasetWorker: adapters.datasetWorker } : {}),
    keptDatasetDays: () => credentials.settings.get().keptDatasetDays,
    onProblem: reportProblem,
    // Damaged copies of the console's history and of events.json hold Zoom data: they expire with
    // the kept lists. Those of profiles, settings and the vault stay for the person to recover from.
    expiringCopies: setAsideCopies(adapters.dataDir, [HISTORY_FILE, EVENTS_FILE]),
    clock,
    ...(adapters.scheduler ? { scheduler: adapters.scheduler } : {}),
  })
  const liveEvents = await createLiveEvents({
    dataDir: adapters.dataDir,
    profiles: credentials.profileLookup,
    tokens: credentials.tokens,
    vault,
    datasets: data.datasets,
    events: adapters.events,
    clock,
    scheduler: adapters.scheduler ?? systemScheduler,
    log: createLogger(adapters.log, 'events'),
    refreshSkewMs: () => credentials.settings.get().refreshSkewSeconds * 1000,
    onProblem: reportProblem,
    ...eventsProxy,
    ...(adapters.eventSockets ? { factory: adapters.eventSockets } : {}),
    ...(adapters.eventSchemas ? { schemas: adapters.eventSchemas } : {}),
  })
  // A locked vault means no token may be used: the event sockets close with it.
  const vaultChanged = () => {
    if (vault.status().state === 'locked') liveEvents.service.stopAll('The vault was locked')
    credentials.vaultChanged()
  }
  const updates = new UpdateService({ updater: adapters.updater, currentVersion: adapters.app.version, events: adapters.events, clock, log: createLogger(adapters.log, 'updates') })
  const consoleLog = createLogger(adapters.log, 'console')
  const requestConsole = new ConsoleService({
    clients: zoom,
    history: await openConsoleHistory(adapters.dataDir, reportProblem),
    clock,
    log: consoleLog,
    schemas: new OperationSchemas(apiCatalog, consoleLog),
    files: new ChosenFiles({ dialogs: adapters.dialogs }),
    answers: new BinaryAnswers({ dialogs: adapters.dialogs }),
  })

  const profileHandlers = createProfileHandlers(credentials.profiles)
  const handlers: Handlers = {
    ...createAppHandlers({
      app: adapters.app,
      shell: adapters.shell,
      clipboard: adapters.clipboard,
      vaultStatus: () => vault.status(),
      problems: () => [...problems],
      dismissProblem: (movedTo) => {
        const index = problems.findIndex((p) => p.movedTo === movedTo)
        if (index >= 0) problems.splice(index, 1)
      },
    }),
    ...createVaultHandlers(vault, adapters.events, vaultChanged, adapters.dialogs, () => credentials.beforeLock()),
    ...profileHandlers,
    // A deleted connection's datasets go with it: its running crawls cancelled, its event socket
    // closed, open datasets closed (files deleted), kept ones deleted; and so do its console
    // requests in history.json (their URLs and bodies name the account's users and meetings).
    // These go first: should that fail (or the app end), the connection is still there to
    // be deleted again, instead of a deleted connection whose data nothing deletes any more.
    'profiles.delete': async (input, context) => {
      // A connection that is not there (a second click, a stale list) is refused before anything
      // goes: clearing its history would still remove the history's set-aside copies, which hold
      // every connection's requests.
      credentials.profiles.get(input.id)
      for (const job of data.jobs.list(input.id)) if (job.state === 'running') data.jobs.cancel(job.jobId)
      await liveEvents.service.forget(input.id)
      await data.datasets.forgetProfile(input.id)
      await requestConsole.clearHistory(input.id)
      return profileHandlers['profiles.delete'](input, context)
    },
    ...createSettingsHandlers(credentials.settings),
    ...createAuthHandlers(credentials.auth),
    ...createDownloadFolderHandler({ dialogs: adapters.dialogs, settings: credentials.settings }),
    ...createDataHandlers({ jobs: data.jobs, datasets: data.datasets, users: data.users, pathValues: data.pathValues, detail: data.detail, zoom, dialogs: adapters.dialogs, events: adapters.events, clock, locale: adapters.app.locale, keptDatasetDays: data.keptDatasetDays }),
    ...createDownloadHandlers(data.downloads),
    ...createConsoleHandlers(requestConsole),
    ...createCatalogHandlers(apiCatalog),
    ...createEventsHandlers(liveEvents.service),
    ...createUpdatesHandlers(updates),
  }

  const router = createRouter({ handlers, trustedOrigins: options.trustedOrigins, log: createLogger(adapters.log, 'ipc') })
  // Settings → Updates: look for a newer version now, unless the person turned that off.
  updates.checkAtStart(credentials.settings.get().checkForUpdatesAtStart)
  return {
    router,
    credentials,
    zoom,
    data,
    apiCatalog,
    liveEvents,
    seedDemo: async (input) => {
      const created = await seedDemoProfiles(input, { vault, credentials })
      const subscriptionId = demoSeedSchema.parse(input).eventSubscriptionId
      if (subscriptionId) for (const profile of created) if (profile.grant === 's2s') await liveEvents.service.saveConfig(profile.id, subscriptionId, '')
      return created.length
    },
    async dispose() {
      liveEvents.service.stopAll()
      updates.dispose()
      await data.shutdown()
      await credentials.dispose()
      proxyAgents.destroy()
      vault.lock()
    },
  }
}
