import { Language } from '@kundnav/db/enums'
import { z } from 'zod'
import { zText } from './text.ts'

// The languages are defined once, in prisma/schema.prisma; this is their client-safe form.
export { Language }

/** A person's preferred language: the portal starts in it after sign-in, and mail (later SMS) is written in it. */
export const ZLanguage = z.enum(Language, { message: 'Välj svenska eller engelska.' })

/** E-mail addresses are kept in lower case, so the same address is one account whatever its letter case. */
export const ZEmail = zText()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Ange e-postadressen i formatet namn@exempel.se.' }))

/** Usernames (the e-mail address unless an administrator chose another) are unique regardless of letter case. */
export const ZUsername = zText()
  .trim()
  .toLowerCase()
  .min(3, { message: 'Användarnamnet måste ha minst 3 tecken.' })
  .max(254, { message: 'Användarnamnet får ha högst 254 tecken.' })
  .regex(/^[a-z0-9._@+-]+$/, {
    message: 'Användarnamnet får bara innehålla bokstäver a–z, siffror och tecknen . _ @ + -',
  })
