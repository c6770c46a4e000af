import { ZCaseIdInput } from '@kundnav/schemas'
import { caseUpdates } from '../services/case-live.ts'
import { asCaseActor, visibleCase } from '../services/cases.ts'
import { partyProcedure, router } from '../trpc.ts'

/**
 * Live updates of cases over server-sent events (httpSubscriptionLink; the session cookie is the
 * credential). Each update only names a case and what happened; the page then reloads what it shows.
 */
export const caseLiveRouter = router({
  /**
   * `{ caseId }`: that case's page; `{}`: the lists ("Mina ärenden", "Organisationens ärenden", the support
   * queue). A case the caller does not reach is refused at once, as `case.get` refuses it.
   */
  events: partyProcedure('case.read')
    .input(ZCaseIdInput.partial())
    .subscription(async ({ ctx, input, signal }) => {
      const actor = asCaseActor(ctx.actor)
      if (input.caseId) await visibleCase(ctx.db.prisma, actor, input.caseId)
      return caseUpdates({
        db: ctx.db,
        settings: ctx.settings,
        events: ctx.caseEvents,
        actor,
        caseId: input.caseId ?? null,
        signal,
      })
    }),
})
