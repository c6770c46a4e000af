import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { DataTable } from '../../components/ui/data-table.tsx'
import { EmailAddress } from '../../components/ui/email-address.tsx'
import { EmptyState } from '../../components/ui/empty-state.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import { asDate } from '../../lib/format-date.ts'
import { formatDay } from '../../lib/stockholm-day.ts'
import type { CaseOfficer, CaseOfficerKind } from './case-officer-query.ts'

/**
 * One of the seed's two boxes: a heading, what it is for, "Lägg till" above the table, and "Ta bort" on
 * each row (instead of the seed's "select a row, then Ta bort", which a keyboard can't easily do).
 */
export function CaseOfficerTable({
  kind,
  officers,
  onAdd,
  onRemove,
}: {
  kind: CaseOfficerKind
  officers: readonly CaseOfficer[]
  onAdd: () => void
  onRemove: (officer: CaseOfficer) => void
}) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const headingId = useId()
  const external = kind === 'external'

  return (
    <section aria-labelledby={headingId} className="mb-10">
      <h2 id={headingId} className="mb-2 font-bold text-2xl">
        {external ? t('caseOfficers.externalHeading') : t('caseOfficers.internalHeading')}
      </h2>
      <p className="mb-4 max-w-prose">
        {external ? t('caseOfficers.externalIntro') : t('caseOfficers.internalIntro')}
      </p>
      <p className="mb-4">
        <Button onClick={onAdd}>
          {t('caseOfficers.add')}
          <span className="sr-only">
            {' '}
            {external ? t('caseOfficers.addExternal') : t('caseOfficers.addInternal')}
          </span>
        </Button>
      </p>
      {officers.length === 0 ? (
        <EmptyState>
          {external ? t('caseOfficers.emptyExternal') : t('caseOfficers.emptyInternal')}
        </EmptyState>
      ) : (
        <DataTable
          labelledBy={headingId}
          className="min-w-[42rem]"
          columns={[
            t('caseOfficers.name'),
            t('caseOfficers.organization'),
            t('caseOfficers.username'),
            t('caseOfficers.email'),
            ...(external ? [t('caseOfficers.endsAt')] : []),
            t('admin.actions'),
          ]}
        >
          {officers.map((officer) => (
            <tr key={officer.membershipId} className="border-line border-b align-top">
              <th scope="row" className="py-3 pr-4 font-semibold">
                {officer.name}
              </th>
              <td className="py-3 pr-4">{officer.organizationName}</td>
              <td className="py-3 pr-4">
                <EmailAddress address={officer.username} />
              </td>
              <td className="py-3 pr-4">
                <EmailAddress address={officer.email} />
              </td>
              {external ? (
                <td className="py-3 pr-4">
                  {officer.endsAt ? (
                    // The access ends when the day after the chosen one begins; show the chosen day.
                    <time dateTime={asDate(officer.endsAt).toISOString()}>
                      {formatDay(new Date(asDate(officer.endsAt).getTime() - 1), language)}
                    </time>
                  ) : (
                    t('caseOfficers.noEndDate')
                  )}
                </td>
              ) : null}
              <td className="py-3">
                <Button variant="secondary" className="whitespace-nowrap" onClick={() => onRemove(officer)}>
                  {t('admin.remove')}
                  <span className="sr-only"> {officer.name}</span>
                </Button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  )
}
