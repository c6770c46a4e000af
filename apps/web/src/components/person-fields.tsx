import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { TextField } from './ui/text-field.tsx'

/**
 * The fields that register a person, shared by "Lägg till person" (members) and "Skapa ny … handläggare"
 * (case officers): Namn, E-post and Användarnamn, with the same labels and input behaviour everywhere.
 * Each form places them in its own order and gives its own hints (the seeds word them differently).
 */

export interface PersonValues {
  name: string
  email: string
  username: string
}

interface FieldState {
  value: string
  onChange: (value: string) => void
}

/**
 * The three fields' values. With `usernameFollowsEmail`, Användarnamn takes the e-mail address as it is
 * typed, until someone writes in Användarnamn itself.
 */
export function usePersonValues({ usernameFollowsEmail }: { usernameFollowsEmail: boolean }): {
  values: PersonValues
  name: FieldState
  email: FieldState
  username: FieldState
} {
  const [values, setValues] = useState<PersonValues>({ name: '', email: '', username: '' })
  const [usernameEdited, setUsernameEdited] = useState(false)
  return {
    values,
    name: { value: values.name, onChange: (name) => setValues((before) => ({ ...before, name })) },
    email: {
      value: values.email,
      onChange: (email) =>
        setValues((before) => ({
          ...before,
          email,
          username: usernameFollowsEmail && !usernameEdited ? email.trim() : before.username,
        })),
    },
    username: {
      value: values.username,
      onChange: (username) => {
        setUsernameEdited(true)
        setValues((before) => ({ ...before, username }))
      },
    },
  }
}

interface PersonFieldProps extends FieldState {
  id: string
  hint: string
  error: string | undefined
}

/** "Namn"; the dialog's first field, so focus starts here. */
export function PersonNameField({ id, hint, error, value, onChange }: PersonFieldProps) {
  const { t } = useTranslation()
  return (
    <TextField
      id={id}
      label={t('person.name')}
      hint={hint}
      error={error}
      autoComplete="off"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      data-autofocus
    />
  )
}

export function PersonEmailField({ id, hint, error, value, onChange }: PersonFieldProps) {
  const { t } = useTranslation()
  return (
    <TextField
      id={id}
      type="email"
      label={t('person.email')}
      hint={hint}
      error={error}
      autoComplete="off"
      spellCheck={false}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}

export function PersonUsernameField({ id, hint, error, value, onChange }: PersonFieldProps) {
  const { t } = useTranslation()
  return (
    <TextField
      id={id}
      label={t('person.username')}
      hint={hint}
      error={error}
      autoComplete="off"
      autoCapitalize="none"
      spellCheck={false}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
