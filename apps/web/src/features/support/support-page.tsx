import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { SearchForm } from '../../components/ui/search-form.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { AgentCapability } from './agent-capability.tsx'
import { OrganizationList } from './organization-list.tsx'
import { ResponsibleMembers } from './responsible-members.tsx'
import { organizationListOptions } from './support-query.ts'

/**
 * "Support: Ansvarig" (provider support): find a customer organisation by name or org number, choose it,
 * give or withdraw the Ansvarig role of its people, and grant or withdraw the agent capability ("Agent /
 * Systemleverantör"). Seed 000 sends a change of Ansvarig through
 * support; the customer's own administrator can't make it ("Medlemmar" says so).
 */
export function SupportPage({
  search,
  organizationId,
  onSearch,
  onChoose,
}: {
  search: string | undefined
  /** The chosen organisation; it is one of the organisations `search` finds. */
  organizationId: string | undefined
  onSearch: (search: string | undefined) => void
  onChoose: (organizationId: string) => void
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const organizations = useQuery(organizationListOptions(trpc, search))
  const chosen = organizations.data?.find((organization) => organization.id === organizationId)
  const membersHeadingRef = useRef<HTMLHeadingElement>(null)
  // Set when someone presses "Välj": focus then moves to the chosen organisation's people.
  const focusMembers = useRef(false)

  useEffect(() => {
    if (!chosen || !focusMembers.current) return
    focusMembers.current = false
    membersHeadingRef.current?.focus()
  }, [chosen])

  return (
    <>
      <PageHeading>{t('support.title')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('support.intro')}</p>
      <SearchForm
        legend={t('support.searchLegend')}
        name="search"
        label={t('support.searchLabel')}
        hint={t('support.searchHint')}
        value={search}
        submitLabel={t('support.searchSubmit')}
        clearLabel={t('support.searchClear')}
        status={search ? t('support.searchShowing', { search }) : null}
        onSearch={onSearch}
      />

      {organizations.isPending ? (
        <Skeleton label={t('support.loadingOrganizations')} lines={4} />
      ) : organizations.isError ? (
        <LoadProblem error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : (
        <>
          <OrganizationList
            organizations={organizations.data}
            search={search}
            chosenId={chosen?.id}
            onChoose={(organization) => {
              focusMembers.current = true
              onChoose(organization.id)
            }}
          />
          {organizationId && !chosen ? (
            <Alert tone="notice">
              <p>{t('support.chosenMissing')}</p>
            </Alert>
          ) : null}
          {chosen ? (
            <>
              <ResponsibleMembers key={chosen.id} organization={chosen} headingRef={membersHeadingRef} />
              <AgentCapability key={`agent-${chosen.id}`} organization={chosen} />
            </>
          ) : null}
        </>
      )}
    </>
  )
}
