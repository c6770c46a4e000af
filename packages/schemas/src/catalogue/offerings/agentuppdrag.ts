import { z } from 'zod'
import { zText } from '../../text.ts'
import { formFields } from '../form.ts'

/** "Ansök om agentuppdrag" (seed 001, step 4): an agent applies to act on a service for its customers. */
export const agentuppdrag = z.object({
  systemName: zText()
    .trim()
    .min(1, { message: 'Ange namnet på ert system.' })
    .max(200, { message: 'Namnet får ha högst 200 tecken.' })
    .register(formFields, {
      label: { sv: 'Ert systems namn', en: 'Name of your system' },
      help: {
        sv: 'Det system som ska anslutas till tjänsten.',
        en: 'The system to be connected to the service.',
      },
    }),
  plannedCustomers: z
    .number({ message: 'Ange antalet kunder med siffror.' })
    .int({ message: 'Ange antalet kunder som ett heltal.' })
    .min(1, { message: 'Ange minst 1 kund.' })
    .max(10000, { message: 'Ange högst 10 000 kunder.' })
    .register(formFields, {
      label: { sv: 'Antal kunder ni planerar att ansluta', en: 'Number of customers you plan to connect' },
    }),
})
