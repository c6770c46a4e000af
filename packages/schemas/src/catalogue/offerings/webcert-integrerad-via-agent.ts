import { z } from 'zod'
import { formFields } from '../form.ts'

/** "Webcert Integrerad – via agent" (seed 004, step 3): care units, source system and the agent. */
export const webcertIntegreradViaAgent = z.object({
  careUnits: z
    .number({ message: 'Ange antalet vårdenheter med siffror.' })
    .int({ message: 'Ange antalet vårdenheter som ett heltal.' })
    .min(1, { message: 'Ange minst 1 vårdenhet.' })
    .max(5000, { message: 'Ange högst 5 000 vårdenheter.' })
    .register(formFields, {
      label: { sv: 'Antal vårdenheter', en: 'Number of care units' },
      help: {
        sv: 'Tänk på att det är billigare att göra en beställning än flera. För varje tilläggsbeställning ni senare gör, får ni ytterligare en uppstartskostnad. Uppge därför alla era vårdenheter som ska anslutas till tjänsten.',
        en: 'One order costs less than several: each later order adds another start-up fee. So give all the care units that are to use the service.',
      },
      priced: true,
    }),
  sourceSystem: z
    .enum(['cambio-cosmic', 'takecare', 'melior', 'millennium', 'other'], {
      message: 'Välj ert källsystem.',
    })
    .register(formFields, {
      label: { sv: 'Källsystem (journalsystem)', en: 'Source system (record system)' },
      options: {
        'cambio-cosmic': { sv: 'Cambio COSMIC', en: 'Cambio COSMIC' },
        takecare: { sv: 'TakeCare', en: 'TakeCare' },
        melior: { sv: 'Melior', en: 'Melior' },
        millennium: { sv: 'Millennium', en: 'Millennium' },
        other: { sv: 'Annat journalsystem', en: 'Another record system' },
      },
    }),
  agent: z.uuid({ message: 'Välj agent.' }).register(formFields, {
    label: { sv: 'Agent (systemleverantör)', en: 'Agent (system supplier)' },
    help: {
      sv: 'Agenten ansluter er till tjänsten. Listan visar de agenter som har agentuppdrag för Webcert.',
      en: 'The agent connects you to the service. The list shows the agents assigned to Webcert.',
    },
    source: 'agentsForService',
  }),
})
