import { useTranslation } from 'react-i18next'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { InvitationList } from './invitation-list.tsx'

/** "Inbjudningar": organisations that want to add the signed-in person, to accept or decline. */
export function InvitationsPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeading>{t('invitations.title')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('invitations.intro')}</p>
      <InvitationList emptyText={t('invitations.none')} />
    </>
  )
}
