import type { ProcedureRow } from './procedure-rows.ts'

/** Tenant-matrix rows of the case procedures in this file's part (merged into PROCEDURE_ROWS). */
export const CASE_ROWS: Record<string, ProcedureRow> = {}
