import { z } from 'zod'

/** The development mailbox (demo mode): newest first, optionally one recipient's, keyset-paginated. */
export const ZDevMailboxListInput = z.object({
  recipient: z.string().trim().toLowerCase().max(254).optional(),
  cursor: z.object({ sentAt: z.date(), id: z.string() }).optional(),
  limit: z.number().int().min(1).max(100).default(20),
})
