import type { ProcedureRow } from './procedure-rows.ts'

/**
 * Tenant-matrix rows of the case procedures in this file's part (merged into PROCEDURE_ROWS). A
 * subscription called through createCaller answers with its stream (an async iterable, not started): the
 * positive control is that the right caller gets one, the refusals come before any stream. What a stream
 * then carries, and when it ends, is tested in routers/case-live.test.ts.
 */
export const CASE_LIVE_ROWS: Record<string, ProcedureRow> = {
  // The case is home's administrator's, seen by its reporter only (visibility: reporter).
  'caseLive.events': {
    rung: 'party',
    permission: 'case.read',
    input: (w) => ({ caseId: w.homeCaseId }),
    fullInput: (w) => ({ caseId: w.homeCaseId }),
    otherOrganization: 'refused',
    allowed: { as: 'ADMIN' },
  },
}
