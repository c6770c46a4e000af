import {
  type Db,
  enqueueMail,
  hashPassword,
  type Language,
  type Prisma,
  type PrismaClient,
  verifyPassword,
} from '@kundnav/db'
import type {
  StepUpSent,
  ZChangePasswordInput,
  ZRequestPasswordResetInput,
  ZSetPasswordInput,
} from '@kundnav/schemas'
import type { z } from 'zod'
import { assertAcceptablePassword } from '../auth/password-policy.ts'
import { AppError } from '../errors.ts'
import { passwordChangedMail, passwordResetMail } from '../mail/templates.ts'
import { type AuthSettings, INVITATION_LINK_TTL_MS, RESET_LINK_TTL_MS } from '../settings.ts'
import { recordAudit } from './audit.ts'
import { endSessions } from './sessions.ts'
import { type ClientInfo, startSignedInSession } from './sign-in.ts'
import { completeStepUp, startStepUp, stepUpMethodsFor } from './step-up.ts'
import { attemptCounters, clearThrottle, describeWait, reserveAttempt } from './throttle.ts'
import { hashToken, randomToken } from './tokens.ts'

type Tx = Prisma.TransactionClient | PrismaClient
type LinkPurpose = 'reset' | 'invite'

/** The page of the SPA where a mailed link sets a password. */
export function setPasswordLink(settings: AuthSettings, token: string): string {
  return `${settings.publicUrl}/nytt-losenord?token=${encodeURIComponent(token)}`
}

/**
 * Creates a single-use link to set a password (stored hashed in Auth.js's VerificationToken table) and
 * withdraws the person's earlier links of the same kind.
 */
export async function createPasswordLink(
  tx: Tx,
  settings: AuthSettings,
  userId: string,
  purpose: LinkPurpose,
): Promise<string> {
  const identifier = `${purpose}:${userId}`
  const token = randomToken()
  await tx.verificationToken.deleteMany({ where: { identifier } })
  await tx.verificationToken.create({
    data: {
      identifier,
      token: hashToken(token),
      expires: new Date(Date.now() + (purpose === 'reset' ? RESET_LINK_TTL_MS : INVITATION_LINK_TTL_MS)),
    },
  })
  return setPasswordLink(settings, token)
}

/** "Ditt lösenord har ändrats" in the person's language, with the way to a new password should it not have been them. */
function mailPasswordChanged(
  tx: Tx,
  settings: AuthSettings,
  user: { email: string; name: string; username: string; language: Language },
) {
  return enqueueMail(tx, {
    to: user.email,
    ...passwordChangedMail(user.language, {
      name: user.name,
      username: user.username,
      resetLink: `${settings.publicUrl}/glomt-losenord`,
    }),
  })
}

/** The same answer whether or not the account exists. */
export const RESET_REQUESTED_MESSAGE =
  'Om det finns ett konto med det användarnamnet eller den e-postadressen har vi skickat ett mejl med en länk för att välja lösenord. Länken gäller i 60 minuter.'

/**
 * "Glömt/skapa nytt lösenord": answers the same, after the same work, whether or not the account exists.
 * The request is counted per account (its id, whether the person typed the username or the e-mail
 * address) and per client address; within the limits it is queued as a `PasswordResetRequest` row — one
 * insert either way — and the worker mails the link (`mailQueuedResetLinks`). Past the limits nothing is
 * queued, and the answer is still the same.
 */
export async function requestPasswordReset(
  db: Db,
  settings: AuthSettings,
  input: z.infer<typeof ZRequestPasswordResetInput>,
  client: ClientInfo,
): Promise<{ message: string }> {
  const { prisma } = db
  const { username } = input
  const user = await prisma.user.findFirst({
    where: { OR: [{ username }, { email: username }] },
    select: { id: true },
  })
  const { waitSeconds } = await reserveAttempt(
    prisma,
    attemptCounters(settings, 'reset', {
      account: user?.id ?? `unknown:${username}`,
      address: client.clientAddress,
    }),
    settings.throttleWindowMs,
  )
  if (waitSeconds === 0) {
    await prisma.passwordResetRequest.create({
      data: { userId: user?.id ?? null, clientAddress: client.clientAddress },
    })
  }
  return { message: RESET_REQUESTED_MESSAGE }
}

/**
 * The worker's half of "Glömt/skapa nytt lösenord": for each queued request, in one transaction, the row is
 * taken (deleting it, so two workers never both take it) and, when it names an account, a link is created,
 * mailed through the outbox and audited. Returns how many requests were handled.
 */
export async function mailQueuedResetLinks(
  prisma: PrismaClient,
  settings: AuthSettings,
  limit = 50,
): Promise<number> {
  const queued = await prisma.passwordResetRequest.findMany({ orderBy: { id: 'asc' }, take: limit })
  let handled = 0
  for (const request of queued) {
    await prisma.$transaction(async (tx) => {
      const taken = await tx.passwordResetRequest.deleteMany({ where: { id: request.id } })
      if (taken.count === 0) return
      handled++
      const user = request.userId ? await tx.user.findUnique({ where: { id: request.userId } }) : null
      if (!user) return
      const link = await createPasswordLink(tx, settings, user.id, 'reset')
      await enqueueMail(tx, {
        to: user.email,
        ...passwordResetMail(user.language, { name: user.name, username: user.username, link }),
      })
      await recordAudit(tx, {
        organizationId: null,
        actorUserId: null,
        actorRole: null,
        action: 'password.reset_requested',
        targetType: 'User',
        targetId: user.id,
        data: { clientAddress: request.clientAddress },
      })
    })
  }
  return handled
}

/** What a link is for, so the page can say "Välj lösenord" or "Skapa nytt lösenord"; refuses bad links. */
export async function checkPasswordLink(
  db: Db,
  token: string,
): Promise<{ username: string; purpose: LinkPurpose }> {
  const { user, purpose } = await findLink(db.prisma, token)
  return { username: user.username, purpose }
}

async function findLink(tx: Tx, token: string) {
  const row = await tx.verificationToken.findUnique({ where: { token: hashToken(token) } })
  const [purpose, userId] = row?.identifier.split(':') ?? []
  if (!row || !userId || (purpose !== 'reset' && purpose !== 'invite')) {
    throw new AppError(
      'BAD_REQUEST',
      'LINK_INVALID',
      'Länken är ogiltig eller har redan använts. Be om en ny under "Glömt/skapa nytt lösenord".',
    )
  }
  if (row.expires.getTime() <= Date.now()) {
    throw new AppError(
      'BAD_REQUEST',
      'LINK_EXPIRED',
      'Länken har gått ut. Be om en ny under "Glömt/skapa nytt lösenord".',
    )
  }
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId } })
  return { row, user, purpose: purpose as LinkPurpose }
}

/**
 * Sets a password from a mailed link: the link is used up, every session of the person ends, login
 * throttling of the account is cleared, and "Ditt lösenord har ändrats" is mailed. The link proved who the
 * person is, so they are signed in at once, as after "Logga in": a new session (its token for the caller's
 * cookie), with the only pair active or, with several, none yet ("Gå vidare som:"), and logged alike.
 */
export async function setPasswordWithLink(
  db: Db,
  settings: AuthSettings,
  input: z.infer<typeof ZSetPasswordInput>,
  client: ClientInfo,
): Promise<{ username: string; session: { token: string; userId: string } }> {
  // A bad link is the first thing to say: no password is worth choosing for it.
  await findLink(db.prisma, input.token)
  assertAcceptablePassword(input.password)
  const passwordHash = await hashPassword(input.password)
  return db.prisma.$transaction(async (tx) => {
    const { row, user, purpose } = await findLink(tx, input.token)
    // Deleting by the token itself makes two simultaneous uses of one link succeed at most once.
    const used = await tx.verificationToken.deleteMany({ where: { token: row.token } })
    if (used.count === 0) throw new AppError('BAD_REQUEST', 'LINK_INVALID', 'Länken har redan använts.')
    await tx.verificationToken.deleteMany({
      where: { identifier: { in: [`reset:${user.id}`, `invite:${user.id}`] } },
    })
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, emailVerified: new Date() } })
    await endSessions(tx, user.id)
    await clearThrottle(tx, 'login:account', user.id)
    await mailPasswordChanged(tx, settings, user)
    await recordAudit(tx, {
      organizationId: null,
      actorUserId: user.id,
      actorRole: null,
      action: purpose === 'invite' ? 'password.set_from_invitation' : 'password.reset',
      targetType: 'User',
      targetId: user.id,
    })
    const session = await startSignedInSession(tx, settings, user.id, client)
    return { username: user.username, session: { token: session.token, userId: user.id } }
  })
}

/** What "Byt lösenord" answers: changed, or (with a verified mobile number) a code sent first. */
export type ChangePasswordResult =
  | { status: 'CHANGED'; endedSessions: number }
  | ({ status: 'CODE_SENT' } & StepUpSent)

/**
 * "Mina uppgifter": a signed-in person changes their password; their other sessions end. With a verified
 * mobile number it takes two calls: the first checks the passwords and sends an SMS code, the second
 * carries the code too and changes the password in the step-up's transaction.
 */
export async function changePassword(
  db: Db,
  settings: AuthSettings,
  actor: {
    userId: string
    sessionId: string
    organizationId: string | null
    role: Prisma.AuditEventCreateInput['actorRole']
  },
  input: z.infer<typeof ZChangePasswordInput>,
): Promise<ChangePasswordResult> {
  const user = await confirmCurrentPassword(db, settings, actor.userId, input.currentPassword)
  assertAcceptablePassword(input.newPassword, 'newPassword')

  const stepUp = {
    userId: user.id,
    purpose: 'password.change' as const,
    subjectId: user.id,
    content: { action: 'password.change', username: user.username },
  }
  const needsCode = stepUpMethodsFor(settings, user).length > 0
  if (needsCode && !input.stepUp) {
    const sent = await startStepUp(db, settings, { ...stepUp, description: { purpose: 'password.change' } })
    return { status: 'CODE_SENT', ...sent }
  }
  const passwordHash = await hashPassword(input.newPassword)
  const change = async (tx: Prisma.TransactionClient, signatureId: string | null) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } })
    const endedSessions = await endSessions(tx, user.id, { except: actor.sessionId })
    await tx.verificationToken.deleteMany({ where: { identifier: `reset:${user.id}` } })
    await mailPasswordChanged(tx, settings, user)
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: user.id,
      actorRole: actor.role ?? null,
      action: 'password.changed',
      targetType: 'User',
      targetId: user.id,
      data: signatureId ? { endedSessions, signatureId } : { endedSessions },
    })
    return { status: 'CHANGED' as const, endedSessions }
  }
  if (needsCode && input.stepUp) {
    return completeStepUp(db, settings, stepUp, input.stepUp, (tx, signature) => change(tx, signature.id))
  }
  return db.prisma.$transaction((tx) => change(tx, null))
}

/**
 * The signed-in person's current password, checked before an account change ("Byt lösenord", replacing or
 * removing the verified mobile number): wrong ones have their own counter, which slows guessing here and
 * never locks signing in. Answers the person's account.
 */
export async function confirmCurrentPassword(
  db: Db,
  settings: AuthSettings,
  userId: string,
  password: string,
) {
  const { waitSeconds } = await reserveAttempt(
    db.prisma,
    [{ scope: 'password-change:account', key: userId, limit: settings.loginFailuresPerAccount }],
    settings.throttleWindowMs,
  )
  if (waitSeconds > 0) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      'PASSWORD_CHANGE_THROTTLED',
      `Du har angett fel nuvarande lösenord för många gånger. Vänta ${describeWait(waitSeconds)} och försök igen.`,
      { field: 'currentPassword', details: { waitSeconds } },
    )
  }
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: userId } })
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
    throw new AppError('BAD_REQUEST', 'WRONG_PASSWORD', 'Det nuvarande lösenordet stämmer inte.', {
      field: 'currentPassword',
    })
  }
  await clearThrottle(db.prisma, 'password-change:account', user.id)
  return user
}
