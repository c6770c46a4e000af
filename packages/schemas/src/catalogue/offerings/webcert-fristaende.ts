import { z } from 'zod'
import { zText } from '../../text.ts'
import { formFields } from '../form.ts'

/** "Webcert Fristående": ordered without an agent; care units and an optional message. */
export const webcertFristaende = z.object({
  careUnits: z
    .number({ message: 'Ange antalet vårdenheter med siffror.' })
    .int({ message: 'Ange antalet vårdenheter som ett heltal.' })
    .min(1, { message: 'Ange minst 1 vårdenhet.' })
    .max(5000, { message: 'Ange högst 5 000 vårdenheter.' })
    .register(formFields, {
      label: { sv: 'Antal vårdenheter', en: 'Number of care units' },
      priced: true,
    }),
  message: zText({ multiline: true })
    .trim()
    .max(2000, { message: 'Meddelandet får ha högst 2 000 tecken.' })
    .optional()
    .register(formFields, {
      label: { sv: 'Meddelande till Inera', en: 'Message to the provider' },
      help: { sv: 'Till exempel önskat startdatum.', en: 'For example the start date you would like.' },
    }),
})
