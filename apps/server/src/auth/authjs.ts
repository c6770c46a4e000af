/**
 * Everything that touches Auth.js (@auth/core) lives here: the rest of the server sees only "which
 * session token, if any, does this request carry" and a handler for /api/auth. Auth.js keeps the
 * session token in its signed, encrypted cookie (JWT strategy, as Credentials requires); Kundnav's
 * session row, named by that token, is what every request checks (packages/api/src/services/sessions.ts).
 */
import { Auth, type AuthConfig } from '@auth/core'
import { CredentialsSignin } from '@auth/core/errors'
import { decode, encode } from '@auth/core/jwt'
import Credentials from '@auth/core/providers/credentials'
import { PrismaAdapter } from '@auth/prisma-adapter'
import { AppError, type AuthSettings, hashToken, signIn } from '@kundnav/api'
import type { Db } from '@kundnav/db'
import { serialize } from 'hono/utils/cookie'
import type { Logger } from '../logger.ts'
import { DecodedCookies } from './decoded-cookies.ts'
import { CLIENT_ADDRESS_HEADER, parseCookies } from './request-info.ts'

/** Auth.js turns this into `?error=CredentialsSignin&code=…`, which the sign-in page translates. */
class KundnavSignInError extends CredentialsSignin {
  constructor(code: string) {
    super()
    this.code = code
  }
}

export interface KundnavAuth {
  handle(request: Request): Promise<Response>
  /** The Kundnav session token the request's cookie carries, if it is genuine. */
  sessionToken(request: Request): Promise<string | null>
  /**
   * The `Set-Cookie` value for a session Kundnav started itself (after a password chosen from a mailed
   * link): the cookie a Credentials sign-in here sets, with the token Auth.js would have made for it.
   */
  sessionCookie(session: { token: string; userId: string }): Promise<string>
  cookieName: string
}

export function createAuth({
  db,
  settings,
  secret,
  logger,
}: {
  db: Db
  settings: AuthSettings
  secret: string
  logger: Logger
}): KundnavAuth {
  const secure = settings.secureCookies
  // `__Host-`: only over HTTPS, only this host, path / — no subdomain can set or read it.
  const cookieName = secure ? '__Host-kundnav.session' : 'kundnav.session'
  const decoded = new DecodedCookies()

  const config: AuthConfig = {
    basePath: '/api/auth',
    trustHost: true,
    secret,
    useSecureCookies: secure,
    // The tables are @auth/prisma-adapter's; Credentials sign-in uses JWT sessions, so Auth.js itself
    // touches them only for providers added later (e-mail links, OAuth).
    adapter: PrismaAdapter(db.prisma as unknown as Parameters<typeof PrismaAdapter>[0]),
    session: { strategy: 'jwt', maxAge: Math.floor(settings.sessionMaxMs / 1000) },
    cookies: {
      sessionToken: { name: cookieName, options: { httpOnly: true, sameSite: 'lax', path: '/', secure } },
    },
    pages: { signIn: '/logga-in', error: '/logga-in' },
    providers: [
      Credentials({
        credentials: { username: {}, password: {} },
        async authorize(credentials, request) {
          try {
            const client = {
              clientAddress: request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown',
              userAgent: request.headers.get('user-agent'),
            }
            const { token, userId } = await signIn(db, settings, credentials, client)
            return { id: userId, sessionToken: token }
          } catch (error) {
            if (error instanceof AppError) {
              const wait = error.details?.waitSeconds
              throw new KundnavSignInError(
                typeof wait === 'number' ? `${error.appCode}:${wait}` : error.appCode,
              )
            }
            throw error
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && 'sessionToken' in user) token.sid = user.sessionToken
        return token
      },
    },
    events: {
      async signOut(message) {
        const sid = 'token' in message ? message.token?.sid : undefined
        if (typeof sid === 'string') {
          await db.prisma.session.deleteMany({ where: { sessionToken: hashToken(sid) } })
        }
      },
    },
    logger: {
      error(error) {
        if (error instanceof CredentialsSignin) return
        logger.error({ err: error }, 'auth error')
      },
      warn(code) {
        logger.warn({ code }, 'auth warning')
      },
      debug() {},
    },
  }

  return {
    cookieName,
    handle: (request) => Auth(request, config),
    async sessionToken(request) {
      const cookie = parseCookies(request.headers.get('cookie'))[cookieName]
      if (!cookie) return null
      const known = decoded.get(cookie)
      if (known) return known
      try {
        const payload = await decode({ token: cookie, secret, salt: cookieName })
        if (typeof payload?.sid !== 'string' || typeof payload.exp !== 'number') return null
        decoded.set(cookie, payload.sid, payload.exp * 1000)
        return payload.sid
      } catch {
        return null
      }
    },
    async sessionCookie(session) {
      const maxAge = Math.floor(settings.sessionMaxMs / 1000)
      // As the `jwt` callback above makes it from `authorize`'s answer: the user's id and the session token.
      const token = await encode({
        token: { sub: session.userId, sid: session.token },
        secret,
        salt: cookieName,
        maxAge,
      })
      return serialize(cookieName, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'Lax',
        secure,
        expires: new Date(Date.now() + maxAge * 1000),
      })
    },
  }
}
