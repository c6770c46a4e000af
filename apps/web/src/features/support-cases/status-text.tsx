import { useTranslation } from 'react-i18next'
import type { CaseStatus } from './support-case-query.ts'

/** The mark beside each status: shape and colour both differ, and the text says it anyway (never colour alone). */
const MARKS: Record<CaseStatus, string> = {
  RECEIVED: 'border-2 border-notice bg-white',
  IN_PROGRESS: 'bg-notice',
  CLOSED: 'bg-[#00703c]',
}

/** A case's status as text, with a mark beside it. */
export function StatusText({ status }: { status: CaseStatus }) {
  const { t } = useTranslation()
  return (
    <span className="flex items-center gap-2 font-semibold">
      <span aria-hidden="true" className={`inline-block size-3 shrink-0 rounded-full ${MARKS[status]}`} />
      {t(`supportCases.statuses.${status}`)}
    </span>
  )
}
