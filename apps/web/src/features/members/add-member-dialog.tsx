import { ADMIN_GRANTABLE_ROLES, ZAddMemberInput } from '@kundnav/schemas'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { CheckboxGroup } from '../../components/ui/checkbox-group.tsx'
import { Dialog } from '../../components/ui/dialog.tsx'
import { ErrorSummary, type FieldError } from '../../components/ui/error-summary.tsx'
import { TextField } from '../../components/ui/text-field.tsx'
import { validate } from '../../lib/form.ts'
import { personFieldMessage } from '../../lib/person-field-errors.ts'
import { roleLabel } from '../../lib/role-label.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode, trpcFieldErrors } from '../../lib/trpc-error.ts'

const FIELD_IDS = {
  name: 'add-member-name',
  email: 'add-member-email',
  username: 'add-member-username',
  mobile: 'add-member-mobile',
  roles: 'add-member-roles',
} as const

type Field = keyof typeof FIELD_IDS

function isField(value: string): value is Field {
  return Object.hasOwn(FIELD_IDS, value)
}

/**
 * "Lägg till person": name, e-mail, username (the e-mail address until the administrator writes another),
 * optional mobile number and roles. Checked with the server's own schema when sent.
 */
export function AddMemberDialog({ onClose, onAdded }: { onClose: () => void; onAdded: () => void }) {
  const { t, i18n } = useTranslation()
  const trpc = useTRPC()
  const add = useMutation(trpc.member.add.mutationOptions())
  const [values, setValues] = useState({ name: '', email: '', username: '', mobile: '' })
  const [usernameEdited, setUsernameEdited] = useState(false)
  const [roles, setRoles] = useState<string[]>([])
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [failed, setFailed] = useState(false)
  const [attempt, setAttempt] = useState(0)

  function showErrors(next: Partial<Record<Field, string>>) {
    setErrors(next)
    setAttempt((count) => count + 1)
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (add.isPending) return
    setFailed(false)
    const raw = { ...values, roles }
    const result = validate(ZAddMemberInput, raw)
    if (!result.ok) {
      const next: Partial<Record<Field, string>> = {}
      for (const [field, code] of Object.entries(result.issues)) {
        if (isField(field) && code) next[field] = personFieldMessage(t, field, code, raw[field])
      }
      showErrors(next)
      return
    }
    setErrors({})
    add.mutate(result.data, {
      onSuccess: onAdded,
      onError: (error) => {
        const next: Partial<Record<Field, string>> = {}
        if (trpcAppCode(error) === 'USERNAME_TAKEN') next.username = t('admin.validation.usernameTaken')
        for (const [field, [message]] of Object.entries(trpcFieldErrors(error))) {
          if (isField(field) && message) next[field] ??= message
        }
        if (Object.keys(next).length > 0) showErrors(next)
        else setFailed(true)
      },
    })
  }

  const summary: FieldError[] = (Object.keys(FIELD_IDS) as Field[]).flatMap((field) => {
    const message = errors[field]
    return message ? [{ fieldId: FIELD_IDS[field], message }] : []
  })

  return (
    <Dialog title={t('members.addDialog.title')} onClose={onClose}>
      <form noValidate onSubmit={submit} className="space-y-6">
        {summary.length > 0 ? (
          <ErrorSummary key={attempt} title={t('admin.errorSummaryTitle')} errors={summary} />
        ) : null}
        {failed ? (
          <Alert tone="error">
            <p>{t('admin.saveFailed')}</p>
          </Alert>
        ) : null}
        <TextField
          id={FIELD_IDS.name}
          label={t('members.addDialog.nameLabel')}
          hint={t('members.addDialog.nameHint')}
          error={errors.name}
          autoComplete="off"
          value={values.name}
          onChange={(event) => setValues({ ...values, name: event.target.value })}
          data-autofocus
        />
        <TextField
          id={FIELD_IDS.email}
          type="email"
          label={t('members.addDialog.emailLabel')}
          hint={t('members.addDialog.emailHint')}
          error={errors.email}
          autoComplete="off"
          spellCheck={false}
          value={values.email}
          onChange={(event) => {
            const email = event.target.value
            setValues({ ...values, email, username: usernameEdited ? values.username : email.trim() })
          }}
        />
        <TextField
          id={FIELD_IDS.username}
          label={t('members.addDialog.usernameLabel')}
          hint={t('members.addDialog.usernameHint')}
          error={errors.username}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          value={values.username}
          onChange={(event) => {
            setUsernameEdited(true)
            setValues({ ...values, username: event.target.value })
          }}
        />
        <TextField
          id={FIELD_IDS.mobile}
          type="tel"
          label={t('members.addDialog.mobileLabel')}
          hint={t('members.addDialog.mobileHint')}
          error={errors.mobile}
          autoComplete="off"
          className="max-w-xs"
          value={values.mobile}
          onChange={(event) => setValues({ ...values, mobile: event.target.value })}
        />
        <div>
          <CheckboxGroup
            id={FIELD_IDS.roles}
            name="roles"
            legend={t('members.addDialog.rolesLegend')}
            hint={t('members.addDialog.rolesHint')}
            error={errors.roles}
            options={ADMIN_GRANTABLE_ROLES.map((role) => ({
              value: role,
              label: roleLabel(role, i18n.language),
            }))}
            value={roles}
            onChange={setRoles}
          />
          <p className="mt-3 text-ink-muted">{t('members.addDialog.responsibleNote')}</p>
        </div>
        <div className="flex flex-wrap gap-4">
          <Button type="submit" aria-disabled={add.isPending}>
            {add.isPending ? t('admin.saving') : t('admin.save')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('admin.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  )
}
