import { z } from 'zod'
import { zDate } from './date.ts'
import { zText } from './text.ts'

/** The development mailbox (demo mode): newest first, optionally one recipient's, keyset-paginated. */
export const ZDevMailboxListInput = z.object({
  recipient: zText().trim().toLowerCase().max(254).optional(),
  cursor: z.object({ sentAt: zDate(), id: z.uuid() }).optional(),
  limit: z.number().int().min(1).max(100).default(20),
})
