import { join } from 'node:path'
import { serve } from '@hono/node-server'
import {
  deleteExpired,
  deleteUnattachedFiles,
  inProcessCaseEvents,
  localFileStore,
  mailQueuedResetLinks,
  postgresCaseEvents,
  syncCatalogue,
} from '@kundnav/api'
import { createDb, MigrationError, migrate, migrationsDir, seedDemo } from '@kundnav/db'
import { createApp } from './app.ts'
import { EnvError, parseEnv } from './env.ts'
import { createLogger } from './logger.ts'
import { byChannel, createSmsGateway } from './outbox/sms-gateway.ts'
import { createSmtpTransport, mailboxTransport, type Transport } from './outbox/transports.ts'
import { OutboxWorker } from './outbox/worker.ts'
import { printDemoPeople } from './print-demo-people.ts'

async function main(): Promise<void> {
  let env: ReturnType<typeof parseEnv>
  try {
    env = parseEnv()
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`Kundnav cannot start. ${error.message}`)
      process.exit(1)
    }
    throw error
  }
  const logger = createLogger(env)
  const db = await createDb({
    databaseUrl: env.databaseUrl,
    pgliteDir: env.pgliteDir,
    poolSize: env.databasePoolSize,
  })

  try {
    const { applied, warnings } = await migrate(db.sql, migrationsDir)
    for (const warning of warnings) logger.warn(warning)
    if (applied.length > 0) logger.info({ applied }, 'migrations applied')
  } catch (error) {
    await db.close()
    if (error instanceof MigrationError) {
      console.error(`Kundnav cannot start. ${error.message}`)
      process.exit(1)
    }
    throw error
  }

  // The catalogue in code (packages/schemas/src/catalogue), before the demo data that assigns agents to it.
  await syncCatalogue(db)

  if (env.demoMode && (await db.prisma.organization.count()) === 0) {
    const result = await seedDemo(db.prisma)
    printDemoPeople(result.people)
  }

  const mail: Transport & { close?(): void } = env.smtpUrl
    ? createSmtpTransport(env.smtpUrl, env.mailFrom)
    : mailboxTransport
  // SMS through the configured gateway; without one (development) to the mailbox; switched off: set aside.
  const sms = env.sms ? createSmsGateway(env.sms) : env.smsEnabled && env.demoMode ? mailboxTransport : null
  const transport = { ...byChannel(mail, sms), close: () => mail.close?.() }
  const worker = new OutboxWorker({
    db,
    transport,
    logger,
    pollMs: env.outboxPollMs,
    prepare: () => mailQueuedResetLinks(db.prisma, env.auth),
    housekeeping: {
      everyMs: env.housekeepingIntervalMs,
      run: async () => ({
        ...(await deleteExpired(db.prisma, {
          sessionIdleMs: env.auth.sessionIdleMs,
          throttleWindowMs: env.auth.throttleWindowMs,
          outboxRetentionMs: env.outboxRetentionMs,
        })),
        // Uploads no case took within a day: rows and bytes (the same folder the app serves from).
        unattachedFiles: await deleteUnattachedFiles(db.prisma, localFileStore(join(env.dataDir, 'files'))),
      }),
    },
  })
  worker.start()

  // Live updates: LISTEN/NOTIFY reaches every instance on the same PostgreSQL; PGlite has one instance.
  const caseEvents = env.databaseUrl ? postgresCaseEvents(env.databaseUrl, logger) : inProcessCaseEvents()
  const app = createApp({ db, env, logger, files: localFileStore(join(env.dataDir, 'files')), caseEvents })
  const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (info) => {
    logger.info(
      { host: env.host, port: info.port, engine: db.engine, mode: env.demoMode ? 'demo' : 'production' },
      `Kundnav is running on http://localhost:${info.port}`,
    )
    for (const warning of env.warnings) {
      logger.warn({ host: env.host }, warning)
      console.error(`\n  WARNING: ${warning}\n`)
    }
  })

  let stopping = false
  async function shutdown(signal: string) {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down: finishing requests in flight')
    // Event streams end now (their clients connect again, to another instance), so they hold nothing open.
    await caseEvents.close()
    const force = setTimeout(() => {
      logger.warn('requests still open after the shutdown timeout; closing them')
      if ('closeAllConnections' in server) server.closeAllConnections()
    }, env.shutdownTimeoutMs)
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      if ('closeIdleConnections' in server) server.closeIdleConnections()
    })
    clearTimeout(force)
    await worker.stop()
    transport.close?.()
    await db.close()
    logger.info('stopped')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

await main()
