import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { DataTable } from '../../components/ui/data-table.tsx'
import { EmptyState } from '../../components/ui/empty-state.tsx'
import type { CustomerOrganization } from './support-query.ts'

/** The customer organisations found, whether each is an agent, each with "Välj"; the chosen one says "Vald". */
export function OrganizationList({
  organizations,
  search,
  chosenId,
  onChoose,
}: {
  organizations: readonly CustomerOrganization[]
  search: string | undefined
  chosenId: string | undefined
  onChoose: (organization: CustomerOrganization) => void
}) {
  const { t } = useTranslation()
  if (organizations.length === 0) {
    return <EmptyState>{search ? t('support.noMatch', { search }) : t('support.noOrganizations')}</EmptyState>
  }
  return (
    <DataTable
      caption={t('support.organizationsCaption')}
      columns={[
        t('support.organization'),
        t('support.orgNumber'),
        t('support.agentColumn'),
        <span key="action" className="sr-only">
          {t('support.action')}
        </span>,
      ]}
    >
      {organizations.map((organization) => {
        const chosen = organization.id === chosenId
        return (
          <tr
            key={organization.id}
            aria-current={chosen ? 'true' : undefined}
            className={`border-line border-b align-top ${chosen ? 'bg-surface' : ''}`}
          >
            <th scope="row" className="py-3 pr-4 font-semibold">
              {organization.name}
            </th>
            <td className="py-3 pr-4 whitespace-nowrap">{organization.orgNumber}</td>
            <td className="py-3 pr-4">
              {organization.isAgent ? t('support.agentYes') : t('support.agentNo')}
            </td>
            <td className="py-2">
              {chosen ? (
                <span className="inline-block py-2 font-semibold">{t('support.chosen')}</span>
              ) : (
                <Button variant="secondary" onClick={() => onChoose(organization)}>
                  {t('support.choose')}
                  <span className="sr-only"> {organization.name}</span>
                </Button>
              )}
            </td>
          </tr>
        )
      })}
    </DataTable>
  )
}
