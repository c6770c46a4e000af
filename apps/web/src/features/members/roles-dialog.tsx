import { ADMIN_GRANTABLE_ROLES, ZSetMemberRolesInput } from '@kundnav/schemas'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxGroup } from '../../components/ui/checkbox-group.tsx'
import { FormDialog } from '../../components/ui/form-dialog.tsx'
import { personFieldMessage, useFieldErrors, validate } from '../../lib/form.ts'
import { roleLabel } from '../../lib/role-label.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode } from '../../lib/trpc-error.ts'
import type { Member } from './member-query.ts'

const FIELD_IDS = { roles: 'member-roles' } as const

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
  const fields = useFieldErrors(FIELD_IDS)
  const [failed, setFailed] = useState(false)

  function submit() {
    setFailed(false)
    const result = validate(ZSetMemberRolesInput, { membershipId: member.membershipId, roles })
    if (!result.ok) {
      const code = result.issues.roles
      if (code)
        fields.show({ roles: personFieldMessage(t, 'roles', code, roles, { rolesRequired: 'change' }) })
      else setFailed(true)
      return
    }
    fields.clear()
    setRoles.mutate(result.data, {
      onSuccess: onSaved,
      onError: (cause) => {
        const code = trpcAppCode(cause)
        if (code === 'LAST_ADMINISTRATOR') fields.show({ roles: t('members.lastAdministrator') })
        else if (code === 'MEMBER_NOT_FOUND') onGone()
        else setFailed(true)
      },
    })
  }

  return (
    <FormDialog
      title={t('members.rolesDialog.title', { name: member.name })}
      errors={fields.summary}
      attempt={fields.attempt}
      failed={failed}
      error={setRoles.error}
      busy={setRoles.isPending}
      onSubmit={submit}
      onClose={onClose}
      returnFocus={returnFocus}
    >
      <div>
        <CheckboxGroup
          id={FIELD_IDS.roles}
          name="roles"
          legend={t('members.rolesDialog.legend')}
          hint={t('members.rolesDialog.hint')}
          error={fields.errors.roles}
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
    </FormDialog>
  )
}
