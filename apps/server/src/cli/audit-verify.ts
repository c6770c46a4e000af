// `pnpm audit:verify`: recomputes every audit chain and names the first broken link of each broken one.
// Exits 0 when all chains are intact, 1 otherwise. On PGlite, stop the server first: the embedded
// database's files take one process at a time.
import { describeAuditChainBreak, verifyAuditChains } from '@kundnav/db'
import { withDatabase } from './with-database.ts'

await withDatabase(async (db) => {
  const report = await verifyAuditChains(db.prisma)
  const chains = `${report.chains} ${report.chains === 1 ? 'chain' : 'chains'}`
  const legacy =
    report.legacyEvents > 0
      ? ` (${report.legacyEvents} written before the chains existed: checked through the first event after them)`
      : ''
  if (report.breaks.length === 0) {
    console.log(`ok: ${report.events} events in ${chains}${legacy}`)
  } else {
    for (const broken of report.breaks) console.error(`broken: ${describeAuditChainBreak(broken)}`)
    console.error(
      `${report.breaks.length} of ${chains} broken; ${report.events} events checked before the breaks${legacy}`,
    )
    process.exitCode = 1
  }
})
