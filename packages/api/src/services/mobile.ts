/**
 * A person's own verified mobile number: set only by a code sent to it, mailed and audited on every change.
 * Used from "Mina uppgifter" and from a signing link (an attestant without a password verifies there).
 */
import { type Db, enqueueMail, type Prisma, type Role } from '@kundnav/db'
import type { StepUpResponse, StepUpSent } from '@kundnav/schemas'
import { AppError } from '../errors.ts'
import { mobileChangedMail } from '../mail/templates.ts'
import type { AuthSettings } from '../settings.ts'
import { recordAudit } from './audit.ts'
import { completeStepUp, startStepUp } from './step-up.ts'

/** Who changes the number, as the audit log records it: the person, in the organisation and role they act in. */
export interface MobileChanger {
  userId: string
  organizationId: string | null
  role: Role | null
}

/** What a code verifying a new number is bound to: that number, for that person. */
function mobileVerification(userId: string, mobile: string) {
  return {
    userId,
    purpose: 'mobile.verify' as const,
    subjectId: userId,
    content: { action: 'mobile.verify', mobile },
  }
}

/**
 * A code to the new number; nothing is saved until it comes back. Replacing a verified number takes the
 * current password too, which the caller with a session checks (`me.ts`).
 */
export function startMobileVerification(
  db: Db,
  settings: AuthSettings,
  userId: string,
  mobile: string,
): Promise<StepUpSent> {
  return startStepUp(db, settings, {
    ...mobileVerification(userId, mobile),
    description: { purpose: 'mobile.verify' },
    recipient: mobile,
  })
}

/** The code sent to the new number verifies exactly that number; it replaces the old one and is mailed. */
export function confirmMobile(
  db: Db,
  settings: AuthSettings,
  changer: MobileChanger,
  input: { mobile: string; response: StepUpResponse },
): Promise<void> {
  return completeStepUp(
    db,
    settings,
    mobileVerification(changer.userId, input.mobile),
    input.response,
    async (tx, signature) => {
      await tx.user.update({
        where: { id: changer.userId },
        data: { mobile: input.mobile, mobileVerifiedAt: new Date() },
      })
      await endOpenSigningCodes(tx, changer.userId)
      await recordMobileChange(tx, settings, changer, input.mobile, signature.id)
    },
  )
}

/** "Ta bort": no more codes by SMS; the person is mailed. */
export function removeMobile(db: Db, settings: AuthSettings, changer: MobileChanger): Promise<void> {
  return db.prisma.$transaction(async (tx) => {
    const removed = await tx.user.updateMany({
      where: { id: changer.userId, mobile: { not: null } },
      data: { mobile: null, mobileVerifiedAt: null },
    })
    if (removed.count === 0) {
      throw new AppError('BAD_REQUEST', 'NO_MOBILE', 'Du har inget mobilnummer att ta bort.')
    }
    await endOpenSigningCodes(tx, changer.userId)
    await recordMobileChange(tx, settings, changer, null, null)
  })
}

/** Codes already sent to the old number stop working with it (verifying a number is not signing). */
async function endOpenSigningCodes(tx: Prisma.TransactionClient, userId: string) {
  await tx.stepUpChallenge.updateMany({
    where: { userId, status: 'PENDING', purpose: { not: 'mobile.verify' } },
    data: { status: 'DEAD' },
  })
}

/** Mails the person that their signing number changed or went, and audits it; in the change's transaction. */
async function recordMobileChange(
  tx: Prisma.TransactionClient,
  settings: AuthSettings,
  changer: MobileChanger,
  mobile: string | null,
  signatureId: string | null,
) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: changer.userId } })
  await enqueueMail(tx, {
    to: user.email,
    ...mobileChangedMail(user.language, {
      name: user.name,
      username: user.username,
      mobile,
      resetLink: `${settings.publicUrl}/glomt-losenord`,
    }),
  })
  await recordAudit(tx, {
    organizationId: changer.organizationId,
    actorUserId: changer.userId,
    actorRole: changer.role,
    action: mobile ? 'me.mobile_verified' : 'me.mobile_removed',
    targetType: 'User',
    targetId: changer.userId,
    data: signatureId ? { signatureId } : {},
  })
}
