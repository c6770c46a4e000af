import { formatOrgNumber } from '@kundnav/schemas'
import { z } from 'zod'
import { publicProcedure, router } from '../trpc.ts'

export const portalRouter = router({
  /** What the start page shows before sign-in: who runs the portal and in which mode. */
  info: publicProcedure
    .output(
      z.object({
        providerName: z.string().nullable(),
        providerOrgNumber: z.string().nullable(),
        customerCount: z.number().int(),
        demoMode: z.boolean(),
      }),
    )
    .query(async ({ ctx }) => {
      const [provider, customerCount] = await Promise.all([
        ctx.db.prisma.organization.findFirst({
          where: { type: 'PROVIDER' },
          select: { name: true, orgNumber: true },
        }),
        ctx.db.prisma.organization.count({ where: { type: 'CUSTOMER' } }),
      ])
      return {
        providerName: provider?.name ?? null,
        providerOrgNumber: provider ? formatOrgNumber(provider.orgNumber) : null,
        customerCount,
        demoMode: ctx.demoMode,
      }
    }),
})
