import type { TFunction } from 'i18next'

/**
 * The schema's verdict on a field of the forms that register people (member.add, member.setRoles,
 * caseOfficer.add) (its zod issue code, see `validate` in form.ts), said in the
 * page's language and telling how to fix it. The schema decides what is wrong; this only words it.
 */
export function personFieldMessage(
  t: TFunction,
  field: string,
  code: string,
  value: unknown,
  options: { rolesRequired?: 'add' | 'change' } = {},
): string {
  const empty = typeof value === 'string' ? value.trim() === '' : false
  switch (field) {
    case 'name':
      return code === 'too_big' ? t('admin.validation.nameTooLong') : t('admin.validation.nameRequired')
    case 'email':
      return empty ? t('admin.validation.emailRequired') : t('admin.validation.emailFormat')
    case 'username':
      if (empty) return t('admin.validation.usernameRequired')
      if (code === 'too_small') return t('admin.validation.usernameTooShort')
      if (code === 'too_big') return t('admin.validation.usernameTooLong')
      return t('admin.validation.usernameCharacters')
    case 'mobile':
      return t('admin.validation.mobileFormat')
    case 'roles':
      return options.rolesRequired === 'change'
        ? t('admin.validation.rolesRequiredOrRemove')
        : t('admin.validation.rolesRequired')
    case 'organizationName':
      return code === 'too_big'
        ? t('admin.validation.organizationNameTooLong')
        : t('admin.validation.organizationNameRequired')
    default:
      return t('admin.saveFailed')
  }
}
