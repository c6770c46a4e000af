import { Link } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { PageHeading } from '../../components/ui/page-heading.tsx'

/** Shown for every address that matches no page. */
export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p className="mb-4">{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('common.backToStart')}</Link>
      </p>
    </>
  )
}
