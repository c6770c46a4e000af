import type { ApprovalChain } from '@kundnav/db/enums'
import type { LocalText, OfferingFields } from './form.ts'
import { agentuppdrag } from './offerings/agentuppdrag.ts'
import { webcertFristaende } from './offerings/webcert-fristaende.ts'
import { webcertIntegreradViaAgent } from './offerings/webcert-integrerad-via-agent.ts'

/** An attestation question ("intygandefråga"): a statement the orderer ticks; all must be ticked. */
export interface AttestationQuestion {
  id: string
  text: LocalText
}

/**
 * One offering of the catalogue. Its code names it everywhere (the database row, drafts, orders); the price
 * and terms here are where it starts: provider staff change the price and publish new terms versions in the
 * portal, and the database keeps those (the catalogue is written at start-up without overwriting them).
 */
export interface CatalogueOffering {
  code: string
  name: LocalText
  description: LocalText
  viaAgent: boolean
  agentsOnly: boolean
  chain: ApprovalChain
  startupFeeOre: number
  monthlyFeeOre: number
  attestationQuestions: AttestationQuestion[]
  /** Four eyes: the one who submits an order may not attest it, even after signing in again. */
  attesterMustDiffer?: boolean
  /** The agent's own questions, ticked when it forwards a via-agent order (seed 004 step 4). */
  agentAttestationQuestions?: AttestationQuestion[]
  terms: LocalText
  fields: OfferingFields
}

export interface CatalogueService {
  code: string
  name: LocalText
  description: LocalText
  offerings: CatalogueOffering[]
}

const WEBCERT_TERMS: LocalText = {
  sv: 'Villkor för Webcert, version 1.\n\nKunden ansvarar för att tjänsten används i enlighet med gällande lagstiftning om patientdatahantering. Uppstartskostnaden faktureras när anslutningen är klar; den månatliga avgiften faktureras kvartalsvis i efterskott per ansluten vårdenhet. Uppsägning sker skriftligen med tre månaders uppsägningstid.',
  en: 'Terms for Webcert, version 1.\n\nThe customer is responsible for using the service in accordance with the law on processing patient data. The start-up fee is invoiced when the connection is complete; the monthly fee is invoiced quarterly in arrears per connected care unit. Notice of termination is given in writing, three months ahead.',
}

/** The provider's catalogue ("Beställ"). Adding an offering: its form in ./offerings and an entry here. */
export const CATALOGUE: CatalogueService[] = [
  {
    code: 'webcert',
    name: { sv: 'Webcert', en: 'Webcert' },
    description: {
      sv: 'Webcert är en tjänst för att utfärda elektroniska intyg inom hälso- och sjukvården.',
      en: 'Webcert is a service for issuing electronic certificates in health care.',
    },
    offerings: [
      {
        code: 'webcert-integrerad-via-agent',
        name: { sv: 'Webcert Integrerad – via agent', en: 'Webcert Integrated – via agent' },
        description: {
          sv: 'Webcert integrerat i ert journalsystem. Anslutningen görs av er systemleverantör (agent).',
          en: 'Webcert integrated in your record system. Your system supplier (agent) makes the connection.',
        },
        viaAgent: true,
        agentsOnly: false,
        chain: 'VIA_AGENT',
        startupFeeOre: 1_500_000,
        monthlyFeeOre: 25_000,
        attestationQuestions: [
          {
            id: 'hsa',
            text: {
              sv: 'Vi intygar att vårdenheterna som ska använda tjänsten finns registrerade i HSA-katalogen.',
              en: 'We confirm that the care units to use the service are registered in the HSA directory.',
            },
          },
          {
            id: 'agent-informed',
            text: {
              sv: 'Vi intygar att vi har kommit överens med agenten om att den ansluter oss till tjänsten.',
              en: 'We confirm that we have agreed with the agent that it connects us to the service.',
            },
          },
        ],
        agentAttestationQuestions: [
          {
            id: 'agent-assigned',
            text: {
              sv: 'Vi intygar att kunden har gett oss i uppdrag att ansluta den till tjänsten.',
              en: 'We confirm that the customer has asked us to connect it to the service.',
            },
          },
          {
            id: 'agent-technical',
            text: {
              sv: 'Vi intygar att anslutningen görs enligt leverantörens tekniska anvisningar.',
              en: 'We confirm that the connection follows the provider’s technical instructions.',
            },
          },
        ],
        terms: WEBCERT_TERMS,
        fields: webcertIntegreradViaAgent,
      },
      {
        code: 'webcert-fristaende',
        name: { sv: 'Webcert Fristående', en: 'Webcert Standalone' },
        description: {
          sv: 'Webcert som fristående webbtjänst, utan integration i journalsystemet.',
          en: 'Webcert as a standalone web service, without integration in the record system.',
        },
        viaAgent: false,
        agentsOnly: false,
        chain: 'WITHOUT_AGENT',
        startupFeeOre: 500_000,
        monthlyFeeOre: 15_000,
        attestationQuestions: [
          {
            id: 'hsa',
            text: {
              sv: 'Vi intygar att vårdenheterna som ska använda tjänsten finns registrerade i HSA-katalogen.',
              en: 'We confirm that the care units to use the service are registered in the HSA directory.',
            },
          },
        ],
        terms: WEBCERT_TERMS,
        fields: webcertFristaende,
      },
      {
        code: 'webcert-agentuppdrag',
        name: { sv: 'Ansök om agentuppdrag för Webcert', en: 'Apply for an agent assignment for Webcert' },
        description: {
          sv: 'För systemleverantörer med agentavtal: ansök om att få ansluta kunder till Webcert.',
          en: 'For system suppliers with an agent agreement: apply to connect customers to Webcert.',
        },
        viaAgent: false,
        agentsOnly: true,
        chain: 'AGENT_ASSIGNMENT',
        startupFeeOre: 0,
        monthlyFeeOre: 0,
        attestationQuestions: [],
        terms: {
          sv: 'Villkor för agentuppdrag, version 1.\n\nAgenten ansluter kunder till tjänsten enligt Ineras tekniska anvisningar och ansvarar för att de uppgifter agenten lämnar om kunderna är riktiga.',
          en: 'Terms for agent assignments, version 1.\n\nThe agent connects customers to the service following the provider’s technical instructions and is responsible for the accuracy of what it reports about the customers.',
        },
        fields: agentuppdrag,
      },
    ],
  },
]

/** Every offering of the catalogue by its code. */
export function catalogueOffering(code: string): CatalogueOffering | undefined {
  for (const service of CATALOGUE) {
    const found = service.offerings.find((offering) => offering.code === code)
    if (found) return found
  }
  return undefined
}
