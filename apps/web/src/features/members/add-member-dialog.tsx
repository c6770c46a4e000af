import { ADMIN_GRANTABLE_ROLES, ZAddMemberInput } from '@kundnav/schemas'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  PersonEmailField,
  PersonNameField,
  PersonUsernameField,
  usePersonValues,
} from '../../components/person-fields.tsx'
import { CheckboxGroup } from '../../components/ui/checkbox-group.tsx'
import { FormDialog } from '../../components/ui/form-dialog.tsx'
import {
  hasMessages,
  personFieldErrors,
  serverFieldErrors,
  useFieldErrors,
  validate,
} from '../../lib/form.ts'
import { roleLabel } from '../../lib/role-label.ts'
import { useTRPC } from '../../lib/trpc.ts'

const FIELD_IDS = {
  name: 'add-member-name',
  email: 'add-member-email',
  username: 'add-member-username',
  roles: 'add-member-roles',
} as const

/**
 * "Lägg till person": name, e-mail, username (the e-mail address until the administrator writes another)
 * and roles. Checked with the server's own schema when sent. No mobile number: only the person adds their
 * own, verified with a code ("Mina uppgifter").
 */
export function AddMemberDialog({ onClose, onAdded }: { onClose: () => void; onAdded: () => void }) {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const add = useMutation(trpc.member.add.mutationOptions())
  const person = usePersonValues({ usernameFollowsEmail: true })
  const [roles, setRoles] = useState<string[]>([])
  const fields = useFieldErrors(FIELD_IDS)
  const [failed, setFailed] = useState(false)

  function submit() {
    setFailed(false)
    const raw = { ...person.values, roles }
    const result = validate(ZAddMemberInput, raw)
    if (!result.ok) {
      fields.show(personFieldErrors(t, result.issues, raw, FIELD_IDS))
      return
    }
    fields.clear()
    add.mutate(result.data, {
      onSuccess: onAdded,
      onError: (error) => {
        const found = serverFieldErrors(t, error, FIELD_IDS)
        if (hasMessages(found)) fields.show(found)
        else setFailed(true)
      },
    })
  }

  return (
    <FormDialog
      title={t('members.addDialog.title')}
      errors={fields.summary}
      attempt={fields.attempt}
      failed={failed}
      error={add.error}
      busy={add.isPending}
      onSubmit={submit}
      onClose={onClose}
    >
      <PersonNameField
        id={FIELD_IDS.name}
        hint={t('members.addDialog.nameHint')}
        error={fields.errors.name}
        {...person.name}
      />
      <PersonEmailField
        id={FIELD_IDS.email}
        hint={t('members.addDialog.emailHint')}
        error={fields.errors.email}
        {...person.email}
      />
      <PersonUsernameField
        id={FIELD_IDS.username}
        hint={t('members.addDialog.usernameHint')}
        error={fields.errors.username}
        {...person.username}
      />
      <div>
        <CheckboxGroup
          id={FIELD_IDS.roles}
          name="roles"
          legend={t('members.addDialog.rolesLegend')}
          hint={t('members.addDialog.rolesHint')}
          error={fields.errors.roles}
          options={ADMIN_GRANTABLE_ROLES.map((role) => ({
            value: role,
            label: roleLabel(role, i18n.language),
          }))}
          value={roles}
          onChange={setRoles}
        />
        <p className="mt-3 text-ink-muted">{t('members.addDialog.responsibleNote')}</p>
      </div>
    </FormDialog>
  )
}
