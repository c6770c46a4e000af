import { z } from 'zod'
import { ZName } from './auth.ts'
import { zDate } from './date.ts'
import { ADMIN_GRANTABLE_ROLES } from './roles.ts'
import { zText } from './text.ts'
import { ZEmail, ZUsername } from './user.ts'

export const ZGrantableRole = z.enum(ADMIN_GRANTABLE_ROLES, {
  message: 'Välj en roll som administratören får ge.',
})

export const ZMemberListInput = z.object({
  search: zText().trim().max(200).optional(),
  cursor: z.object({ name: zText().max(200), id: z.uuid() }).optional(),
  limit: z.number().int().min(1).max(100).default(25),
})

export const ZAddMemberInput = z.object({
  name: ZName,
  email: ZEmail,
  /** Prefilled from the e-mail address; an administrator may choose another. */
  username: ZUsername,
  roles: z.array(ZGrantableRole).min(1, { message: 'Välj minst en roll.' }),
})
export type AddMemberInput = z.infer<typeof ZAddMemberInput>

export const ZSetMemberRolesInput = z.object({
  membershipId: z.uuid(),
  roles: z.array(ZGrantableRole).min(1, { message: 'Välj minst en roll, eller ta bort personen.' }),
})

export const ZMembershipIdInput = z.object({ membershipId: z.uuid() })

export const ZAuditListInput = z.object({
  actorUserId: z.uuid().optional(),
  action: zText().trim().max(100).optional(),
  from: zDate().optional(),
  to: zDate().optional(),
  cursor: z.object({ createdAt: zDate(), id: z.uuid() }).optional(),
  limit: z.number().int().min(1).max(100).default(50),
})

export const ZAddCaseOfficerInput = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('internal'),
    name: ZName,
    username: ZUsername,
    email: ZEmail,
  }),
  z.object({
    kind: z.literal('external'),
    name: ZName,
    organizationName: zText()
      .trim()
      .min(1, { message: 'Ange organisationens namn.' })
      .max(200, { message: 'Organisationsnamnet får ha högst 200 tecken.' }),
    username: ZUsername,
    email: ZEmail,
    endsAt: zDate().nullable().optional(),
  }),
])
export type AddCaseOfficerInput = z.infer<typeof ZAddCaseOfficerInput>
