import { z } from 'zod'
import { zText } from './text.ts'

export const ZSupportOrganizationSearchInput = z.object({ search: zText().trim().max(200).default('') })

export const ZSupportMembersInput = z.object({ organizationId: z.uuid() })

/** Provider support makes a member Ansvarig, or withdraws it (seed 000: a change of Ansvarig goes through support). */
export const ZSetResponsibleInput = z.object({
  organizationId: z.uuid(),
  membershipId: z.uuid(),
  responsible: z.boolean(),
})

/** Provider support grants or withdraws the agent capability (later granted by an approved agent application). */
export const ZSetAgentInput = z.object({ organizationId: z.uuid(), isAgent: z.boolean() })
