import { createOrgWithMembers, type Db, verifyPassword } from '@kundnav/db'
import { createTestDb } from '@kundnav/db/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createCaller } from '../root.ts'
import { actorFor, callerFor, failureOf, TEST_AUTH_SETTINGS, testContext } from '../testing/world.ts'

let db: Db
beforeAll(async () => {
  db = await createTestDb()
})
afterAll(async () => {
  await db.close()
})
beforeEach(async () => {
  await db.prisma.throttleEvent.deleteMany()
})

const PASSWORD = 'ett gammalt långt lösenord'
const NEW_PASSWORD = 'ett helt nytt långt lösenord'

/** A signed-in person with a password, an administrator beside them, and, if given, a verified number. */
async function signedIn({ mobile, smsStepUp = true }: { mobile?: string; smsStepUp?: boolean } = {}) {
  const suffix = Math.random().toString(36).slice(2, 8)
  const org = await createOrgWithMembers(db.prisma, {
    members: [
      {
        name: 'Ida Idasson',
        email: `ida.${suffix}@bank.example`,
        roles: ['ORDERER'],
        password: PASSWORD,
        ...(mobile ? { mobile } : {}),
      },
      { name: 'Adam Admin', email: `adam.${suffix}@bank.example`, roles: ['ADMIN'] },
    ],
  })
  const [member, admin] = org.members
  if (!member || !admin) throw new Error('no member')
  const settings = { ...TEST_AUTH_SETTINGS, smsStepUp }
  return {
    user: member.user,
    org,
    caller: createCaller(testContext(db, actorFor(org, 'ORDERER'), { settings })),
    admin: callerFor(db, actorFor(org, 'ADMIN')),
  }
}

async function codeSentTo(mobile: string) {
  const sms = await db.prisma.outboxMessage.findFirstOrThrow({
    where: { channel: 'SMS', recipient: mobile },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  })
  return { text: sms.text, code: sms.text.match(/\b(\d{6})\b/)?.[1] ?? '' }
}

const mailsTo = (email: string, subject: string) =>
  db.prisma.outboxMessage.count({ where: { channel: 'EMAIL', recipient: email, subject } })

const savedUser = (id: string) => db.prisma.user.findUniqueOrThrow({ where: { id } })

describe('a verified mobile number in "Mina uppgifter"', () => {
  it('is saved only when the code sent to it comes back, and the person is mailed', async () => {
    const { user, caller } = await signedIn()
    expect(await caller.me.get()).toMatchObject({ mobile: null, smsEnabled: true, stepUpMethods: [] })

    const sent = await caller.me.startMobileVerification({ mobile: '070-555 12 34' })
    expect(sent.sentTo).toBe('070-*** ** 34')
    const { text, code } = await codeSentTo('+46705551234')
    expect(text).toMatch(/^Kod \d{6} för att verifiera ditt mobilnummer i Kundnav\./)
    expect((await savedUser(user.id)).mobile).toBeNull()

    const wrong = await failureOf(
      caller.me.confirmMobile({
        mobile: '070-555 12 34',
        response: { challengeId: sent.challengeId, code: code === '111111' ? '222222' : '111111' },
      }),
    )
    expect(wrong).toMatchObject({ appCode: 'STEP_UP_WRONG_CODE', field: 'code' })
    expect((await savedUser(user.id)).mobile).toBeNull()

    const me = await caller.me.confirmMobile({
      mobile: '+46705551234',
      response: { challengeId: sent.challengeId, code },
    })
    expect(me).toMatchObject({ mobile: '+46705551234', stepUpMethods: ['SMS'] })
    expect(await savedUser(user.id)).toMatchObject({
      mobile: '+46705551234',
      mobileVerifiedAt: expect.any(Date),
    })
    expect(await mailsTo(user.email, 'Ditt mobilnummer har ändrats')).toBe(1)
    expect(
      await db.prisma.auditEvent.count({ where: { targetId: user.id, action: 'me.mobile_verified' } }),
    ).toBe(1)
  })

  it('verifies exactly the number the code went to', async () => {
    const { user, caller } = await signedIn()
    const sent = await caller.me.startMobileVerification({ mobile: '070-555 00 01' })
    const { code } = await codeSentTo('+46705550001')
    const other = await failureOf(
      caller.me.confirmMobile({ mobile: '070-555 00 02', response: { challengeId: sent.challengeId, code } }),
    )
    expect(other.appCode).toBe('STEP_UP_CONTENT_CHANGED')
    expect((await savedUser(user.id)).mobile).toBeNull()
  })

  it('keeps the old number until a new one is verified, then codes go to the new one only', async () => {
    const { user, caller } = await signedIn({ mobile: '+46705550010' })
    // A session alone does not move where signing codes go: replacing a verified number takes the password.
    const without = await failureOf(caller.me.startMobileVerification({ mobile: '+44 7700 900123' }))
    expect(without).toMatchObject({ appCode: 'CURRENT_PASSWORD_NEEDED', field: 'currentPassword' })
    const wrong = await failureOf(
      caller.me.startMobileVerification({ mobile: '+44 7700 900123', currentPassword: 'inte rätt' }),
    )
    expect(wrong.appCode).toBe('WRONG_PASSWORD')
    expect(await db.prisma.outboxMessage.count({ where: { recipient: '+447700900123' } })).toBe(0)
    const sent = await caller.me.startMobileVerification({
      mobile: '+44 7700 900123',
      currentPassword: PASSWORD,
    })
    expect((await savedUser(user.id)).mobile).toBe('+46705550010')
    const { code } = await codeSentTo('+447700900123')
    await caller.me.confirmMobile({
      mobile: '+447700900123',
      response: { challengeId: sent.challengeId, code },
    })
    expect((await savedUser(user.id)).mobile).toBe('+447700900123')

    const before = await db.prisma.outboxMessage.count({ where: { recipient: '+46705550010' } })
    await caller.me.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
    expect(await db.prisma.outboxMessage.count({ where: { recipient: '+46705550010' } })).toBe(before)
    expect((await codeSentTo('+447700900123')).text).toMatch(/för att byta lösenord/)
  })

  it('can be removed by the person with their password, who is mailed', async () => {
    const { user, caller } = await signedIn({ mobile: '+46705550020' })
    expect((await failureOf(caller.me.removeMobile({ currentPassword: 'inte rätt' }))).appCode).toBe(
      'WRONG_PASSWORD',
    )
    expect((await savedUser(user.id)).mobile).toBe('+46705550020')
    expect(await caller.me.removeMobile({ currentPassword: PASSWORD })).toMatchObject({
      mobile: null,
      stepUpMethods: [],
    })
    expect(await mailsTo(user.email, 'Ditt mobilnummer har tagits bort')).toBe(1)
    expect((await failureOf(caller.me.removeMobile({ currentPassword: PASSWORD }))).appCode).toBe('NO_MOBILE')
  })

  it('ends codes already sent to a number once it is replaced: they neither sign nor are sent again', async () => {
    const { caller } = await signedIn({ mobile: '+46705550021' })
    const first = await caller.me.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
    if (first.status !== 'CODE_SENT') throw new Error('no code sent')
    const { code } = await codeSentTo('+46705550021')
    const sent = await caller.me.startMobileVerification({
      mobile: '+46705550022',
      currentPassword: PASSWORD,
    })
    await caller.me.confirmMobile({
      mobile: '+46705550022',
      response: { challengeId: sent.challengeId, code: (await codeSentTo('+46705550022')).code },
    })
    await db.prisma.stepUpChallenge.update({
      where: { id: first.challengeId },
      data: { lastSentAt: new Date(Date.now() - 60_000) },
    })
    expect((await failureOf(caller.stepUp.resend({ challengeId: first.challengeId }))).appCode).toBe(
      'STEP_UP_REPLACED',
    )
    // Even revived, the code no longer signs: the number it went to is not the person's any more.
    await db.prisma.stepUpChallenge.update({ where: { id: first.challengeId }, data: { status: 'PENDING' } })
    const late = await failureOf(
      caller.me.changePassword({
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
        stepUp: { challengeId: first.challengeId, code },
      }),
    )
    expect(late.appCode).toBe('STEP_UP_NUMBER_CHANGED')
    expect((await failureOf(caller.stepUp.resend({ challengeId: first.challengeId }))).appCode).toBe(
      'STEP_UP_NUMBER_CHANGED',
    )
  })

  it('cannot be set by an administrator, nor without verification by the person', async () => {
    const { user, caller, admin } = await signedIn()
    await caller.me.update({ name: 'Ida Idasson', language: 'sv', ...{ mobile: '070-555 99 99' } })
    const suffix = Math.random().toString(36).slice(2, 8)
    await admin.member.add({
      name: 'Ny Person',
      email: `ny.${suffix}@bank.example`,
      username: `ny-${suffix}`,
      roles: ['ORDERER'],
      ...{ mobile: '070-555 99 98' },
    })
    expect((await savedUser(user.id)).mobile).toBeNull()
    const added = await db.prisma.user.findUniqueOrThrow({ where: { email: `ny.${suffix}@bank.example` } })
    expect(added.mobile).toBeNull()
  })

  it('is not offered when SMS is switched off', async () => {
    const { caller } = await signedIn({ mobile: '+46705550030', smsStepUp: false })
    expect(await caller.me.get()).toMatchObject({ smsEnabled: false, stepUpMethods: [] })
    expect(
      (
        await failureOf(
          caller.me.startMobileVerification({ mobile: '0705550031', currentPassword: PASSWORD }),
        )
      ).appCode,
    ).toBe('STEP_UP_SMS_OFF')
  })
})

describe('"Byt lösenord" with a verified mobile number', () => {
  it('sends a code first, changes nothing, and changes the password with the code', async () => {
    const { user, caller } = await signedIn({ mobile: '+46705550040' })
    const first = await caller.me.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
    expect(first).toMatchObject({ status: 'CODE_SENT', sentTo: '070-*** ** 40' })
    if (first.status !== 'CODE_SENT') throw new Error('no code sent')
    const saved = await savedUser(user.id)
    expect(await verifyPassword(saved.passwordHash ?? '', PASSWORD)).toBe(true)

    const { code } = await codeSentTo('+46705550040')
    const wrongCode = code === '111111' ? '222222' : '111111'
    const wrong = await failureOf(
      caller.me.changePassword({
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
        stepUp: { challengeId: first.challengeId, code: wrongCode },
      }),
    )
    expect(wrong.appCode).toBe('STEP_UP_WRONG_CODE')
    expect(await verifyPassword((await savedUser(user.id)).passwordHash ?? '', PASSWORD)).toBe(true)

    const done = await caller.me.changePassword({
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      stepUp: { challengeId: first.challengeId, code },
    })
    expect(done).toMatchObject({ status: 'CHANGED' })
    expect(await verifyPassword((await savedUser(user.id)).passwordHash ?? '', NEW_PASSWORD)).toBe(true)
    const signature = await db.prisma.signature.findFirstOrThrow({ where: { userId: user.id } })
    expect(signature).toMatchObject({
      purpose: 'password.change',
      method: 'SMS',
      methodReference: '+46705550040',
    })
    const audit = await db.prisma.auditEvent.findFirstOrThrow({
      where: { targetId: user.id, action: 'password.changed' },
    })
    expect(audit.data).toMatchObject({ signatureId: signature.id })
  })

  it('checks the current password before any code is sent', async () => {
    const { caller } = await signedIn({ mobile: '+46705550050' })
    const wrong = await failureOf(
      caller.me.changePassword({ currentPassword: 'inte rätt', newPassword: NEW_PASSWORD }),
    )
    expect(wrong.appCode).toBe('WRONG_PASSWORD')
    expect(await db.prisma.outboxMessage.count({ where: { recipient: '+46705550050' } })).toBe(0)
  })

  it('changes at once, as before, without a verified number or when SMS is switched off', async () => {
    for (const options of [{}, { mobile: '+46705550060', smsStepUp: false }]) {
      const { user, caller } = await signedIn(options)
      expect(
        await caller.me.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
      ).toMatchObject({ status: 'CHANGED' })
      expect(await verifyPassword((await savedUser(user.id)).passwordHash ?? '', NEW_PASSWORD)).toBe(true)
    }
  })
})

describe('"Skicka ny kod" (stepUp.resend)', () => {
  it('sends a new code for the person’s own challenge only', async () => {
    const { caller } = await signedIn({ mobile: '+46705550070' })
    const { caller: other } = await signedIn()
    const first = await caller.me.changePassword({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD })
    if (first.status !== 'CODE_SENT') throw new Error('no code sent')
    expect((await failureOf(other.stepUp.resend({ challengeId: first.challengeId }))).appCode).toBe(
      'STEP_UP_NOT_FOUND',
    )
    expect((await failureOf(caller.stepUp.resend({ challengeId: first.challengeId }))).appCode).toBe(
      'STEP_UP_RESEND_TOO_SOON',
    )
  })
})
