import { can, type Permission, ROLE_LABELS, ROLES } from '@kundnav/schemas/permissions'
import { Link, useRouterState } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import { asRole, useSession } from '../../lib/session.ts'

/**
 * A page the active role may not use (`PageNotForRole` from the route guard), shown at its address:
 * "Sidan är till för Administratör. Byt roll", the link going to "Välj roll" and back here. Someone with
 * no role that may use it is told so instead.
 */
export function NotForRolePage({ permission }: { permission: Permission }) {
  const { t, i18n } = useTranslation()
  const session = useSession()
  const href = useRouterState({ select: (state) => state.location.href })
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const roles = new Intl.ListFormat(language, { type: 'disjunction' }).format(
    ROLES.filter((role) => can(role, permission)).map((role) => ROLE_LABELS[role][language]),
  )
  const canSwitch = session.data?.pairs.some((pair) => can(asRole(pair.role), permission)) ?? false

  return (
    <>
      <PageHeading>{t('common.forbiddenHeading')}</PageHeading>
      <p className="mb-6 max-w-prose">
        {t('session.pageFor', { roles })}{' '}
        {canSwitch ? (
          <Link to="/valj-roll" search={{ redirect: href }}>
            {t('session.switchRole')}
          </Link>
        ) : null}
      </p>
      {canSwitch ? null : (
        <>
          <p className="mb-6 max-w-prose">{t('session.noRoleForPage')}</p>
          <Link to="/">{t('common.backToStart')}</Link>
        </>
      )}
    </>
  )
}
