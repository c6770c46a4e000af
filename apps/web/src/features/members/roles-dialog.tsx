import { ADMIN_GRANTABLE_ROLES, ZSetMemberRolesInput } from '@kundnav/schemas'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { CheckboxGroup } from '../../components/ui/checkbox-group.tsx'
import { Dialog } from '../../components/ui/dialog.tsx'
import { ErrorSummary } from '../../components/ui/error-summary.tsx'
import { validate } from '../../lib/form.ts'
import { personFieldMessage } from '../../lib/person-field-errors.ts'
import { roleLabel } from '../../lib/role-label.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode } from '../../lib/trpc-error.ts'
import type { Member } from './member-query.ts'

const ROLES_ID = 'member-roles'

const GRANTABLE: readonly string[] = ADMIN_GRANTABLE_ROLES

/**
 * "Ändra roller": the roles an administrator may give, as checkboxes. Ansvarig is not among them (support
 * changes it) and a member who holds it keeps it. The server refuses to leave the organisation without
 * an administrator, and the refusal is shown like any other problem with the form.
 */
export function RolesDialog({
  member,
  onClose,
  onSaved,
  onGone,
  returnFocus,
}: {
  member: Member
  onClose: () => void
  onSaved: () => void
  /** The person was removed meanwhile (e.g. by another administrator). */
  onGone: () => void
  returnFocus?: () => HTMLElement | null | undefined
}) {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const setRoles = useMutation(trpc.member.setRoles.mutationOptions())
  const [roles, setRolesValue] = useState<string[]>(member.roles.filter((role) => GRANTABLE.includes(role)))
  const [error, setError] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  const [attempt, setAttempt] = useState(0)

  function showError(message: string) {
    setError(message)
    setAttempt((count) => count + 1)
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (setRoles.isPending) return
    setFailed(false)
    const result = validate(ZSetMemberRolesInput, { membershipId: member.membershipId, roles })
    if (!result.ok) {
      const code = result.issues.roles
      if (code) showError(personFieldMessage(t, 'roles', code, roles, { rolesRequired: 'change' }))
      else setFailed(true)
      return
    }
    setError(null)
    setRoles.mutate(result.data, {
      onSuccess: onSaved,
      onError: (cause) => {
        const code = trpcAppCode(cause)
        if (code === 'LAST_ADMINISTRATOR') showError(t('members.lastAdministrator'))
        else if (code === 'MEMBER_NOT_FOUND') onGone()
        else setFailed(true)
      },
    })
  }

  return (
    <Dialog
      title={t('members.rolesDialog.title', { name: member.name })}
      onClose={onClose}
      returnFocus={returnFocus}
    >
      <form noValidate onSubmit={submit} className="space-y-6">
        {error ? (
          <ErrorSummary
            key={attempt}
            title={t('admin.errorSummaryTitle')}
            errors={[{ fieldId: ROLES_ID, message: error }]}
          />
        ) : null}
        {failed ? (
          <Alert tone="error">
            <p>{t('admin.saveFailed')}</p>
          </Alert>
        ) : null}
        <div>
          <CheckboxGroup
            id={ROLES_ID}
            name="roles"
            legend={t('members.rolesDialog.legend')}
            hint={t('members.rolesDialog.hint')}
            error={error ?? undefined}
            options={ADMIN_GRANTABLE_ROLES.map((role) => ({
              value: role,
              label: roleLabel(role, i18n.language),
            }))}
            value={roles}
            onChange={setRolesValue}
          />
          <p className="mt-3 text-ink-muted">{t('members.rolesDialog.responsibleNote')}</p>
          {member.roles.includes('RESPONSIBLE') ? (
            <p className="mt-2">{t('members.rolesDialog.isResponsible', { name: member.name })}</p>
          ) : null}
        </div>
        <div className="flex flex-wrap gap-4">
          <Button type="submit" aria-disabled={setRoles.isPending}>
            {setRoles.isPending ? t('admin.saving') : t('admin.save')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('admin.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
