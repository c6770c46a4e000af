import type { SqlConnection, SqlRunner } from '../sql-runner.ts'

/**
 * Case volume for the scale test and `pnpm bench` (issue 12, "Scale"): `organizations` customer
 * organisations, one person in the first with `onePersonCases` cases ("Mina ärenden" at its heaviest), and
 * the other cases spread over the other organisations' people — a few organisations with many, most with
 * few. Everything is set-based SQL over generate_series (1,000,000 cases take seconds): Case's secondary
 * indexes and foreign keys are dropped for the insert and built again afterwards (with the same
 * definitions), in one transaction, then the tables are analysed. Meant for PostgreSQL; it holds an
 * exclusive lock on "Case" while it runs.
 *
 * Rows are deterministic given `now`: ids are UUIDv7 built from each row's own time, so they sort with it as
 * the portal's do; case numbers count per Stockholm year after what NumberSequence has handed out
 * ("2026-000123"), and NumberSequence is moved past them, so the portal can go on registering cases.
 */
export interface CaseVolumeOptions {
  /** Customer organisations in all, the one person's included (10,000). */
  organizations: number
  /** Cases in all (1,000,000). */
  cases: number
  /** Of these, the one person's (200,000). */
  onePersonCases: number
  /** People in each other organisation, all with cases (2). */
  peoplePerOrganization?: number
  /** The cases are spread over this many days up to `now`, evenly with jitter (3 years). */
  days?: number
  now?: Date
  /** The one person's password hash, to sign in as them (none by default: they cannot sign in). */
  passwordHash?: string | null
  /** Progress, a line per step with its time. */
  log?: (message: string) => void
}

export interface CaseVolume {
  /** The one person's organisation and the person. */
  organizationId: string
  userId: string
  username: string
  organizations: number
  people: number
  cases: number
  onePersonCases: number
}

/** Username (and e-mail) of the one person with `onePersonCases` cases. */
export const VOLUME_PERSON = 'volym.person@volym.example'

const DAY = 86_400_000

/** Topics of packages/schemas' CASE_AREAS (packages/db does not import packages/schemas). */
const TOPICS = [
  ['LON', 'LON_SUPPORT'],
  ['LON', 'LON_BESLUT'],
  ['EKONOMI', null],
  ['EHANDEL', null],
  ['IT', null],
] as const
const SUBJECTS = [
  'Fråga om lönebesked',
  'Semesterlön blev fel',
  'Kan inte logga in i Agresso',
  'Omföring av kostnad',
  'Leverantörsfaktura saknas i Proceedo',
  'Sjukfrånvaro registrerad två gånger',
  'Behörighet till Primula',
  'Intyg för bolån',
]

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`
const textArray = (values: readonly (string | null)[]) =>
  `ARRAY[${values.map((value) => (value === null ? 'NULL' : quote(value))).join(', ')}]::text[]`

/**
 * SQL for a UUIDv7 whose timestamp is `ms` (a bigint expression) and whose other bits are derived from it:
 * unique as long as `ms` is, within a table.
 */
function uuidAt(ms: string): string {
  return `(lpad(to_hex(${ms}), 12, '0') || '7' || lpad(to_hex((${ms}) * 7919 % 4096), 3, '0') || '8'
    || lpad(to_hex((${ms}) % 1000003 * 2654435761 % 1152921504606846976), 15, '0'))::uuid`
}
const at = (ms: string) => `('epoch'::timestamptz + (${ms}) * interval '1 millisecond')`

/** Jan 1, 00:00 in Stockholm (CET, UTC+1, in January) of `year`, in ms. */
const stockholmNewYear = (year: number) => Date.UTC(year, 0, 1) - 3_600_000

export async function generateCases(sql: SqlRunner, options: CaseVolumeOptions): Promise<CaseVolume> {
  const organizations = options.organizations
  const cases = options.cases
  const heavy = options.onePersonCases
  const perOrganization = options.peoplePerOrganization ?? 2
  const nowMs = (options.now ?? new Date()).getTime()
  const spanMs = (options.days ?? 3 * 365) * DAY
  if (organizations < 2 || heavy < 0 || heavy > cases || perOrganization < 1) {
    throw new Error('generateCases: needs ≥ 2 organisations, 0 ≤ onePersonCases ≤ cases, ≥ 1 person each')
  }
  if (spanMs < cases) throw new Error('generateCases: more cases than milliseconds to date them')

  // Case i (0 ≤ i < cases) is dated start + i·span/cases + jitter, jitter < span/cases: strictly increasing
  // in i, so each year's cases are a run of i and numbering needs no sort.
  const start = BigInt(nowMs - spanMs)
  const span = BigInt(spanMs)
  const n = BigInt(cases)
  const step = span / n
  const caseMs = (i: bigint) => start + (i * span) / n + (((i * 2654435761n) % 4294967296n) % step)
  const firstAtOrAfter = (ms: bigint) => {
    let low = 0n
    let high = n
    while (low < high) {
      const middle = (low + high) / 2n
      if (caseMs(middle) >= ms) high = middle
      else low = middle + 1n
    }
    return high
  }
  const years: { year: number; first: bigint }[] = []
  const firstYear = new Date(Number(start) + 3_600_000).getUTCFullYear()
  for (let year = firstYear; ; year++) {
    const first = year === firstYear ? 0n : firstAtOrAfter(BigInt(stockholmNewYear(year)))
    if (first >= n) break
    years.push({ year, first })
  }

  const orgMs = (k: string) => `(${nowMs - spanMs - DAY}::bigint + ${k})`
  const userMs = (k: string, p: string) =>
    `(${nowMs - spanMs - 2 * DAY}::bigint + ${k} * ${perOrganization} + ${p})`
  const organizationId = (k: string) => uuidAt(orgMs(k))
  const userId = (k: string, p: string) => uuidAt(userMs(k, p))

  let lap = performance.now()
  const done = (what: string) => {
    const now = performance.now()
    options.log?.(`${what} (${((now - lap) / 1000).toFixed(1)} s)`)
    lap = now
  }
  return sql.withConnection(async (connection) => {
    const [existing] = await connection.query('SELECT 1 FROM "User" WHERE username = $1', [VOLUME_PERSON])
    if (existing)
      throw new Error(`generateCases: this database has its case volume already (${VOLUME_PERSON})`)
    await connection.exec('BEGIN')
    try {
      await connection.exec(`SET LOCAL maintenance_work_mem = '256MB'; SET LOCAL work_mem = '64MB';
                             SET LOCAL synchronous_commit = off`)
      const issued = await connection.query<{ year: number; last: number }>(
        `SELECT year, last FROM "NumberSequence" WHERE series = '' AND year = ANY($1::int[]) FOR UPDATE`,
        [years.map((y) => y.year)],
      )
      const lastOf = (year: number) => issued.find((row) => row.year === year)?.last ?? 0
      await insertOrganizationsAndPeople(connection, {
        organizations,
        perOrganization,
        passwordHash: options.passwordHash ?? null,
        orgMs,
        userMs,
        organizationId,
        userId,
      })

      done(`${organizations} organisations and their people`)
      const rebuild = await dropCaseIndexesAndForeignKeys(connection)
      const pad = (value: string) => `lpad(${value}, greatest(6, length(${value})), '0')`
      const number = `CASE ${years
        .toReversed()
        .map(
          ({ year, first }) =>
            `WHEN i >= ${first} THEN '${year}-' || ${pad(`(${lastOf(year)} + i - ${first} + 1)::text`)}`,
        )
        .join(' ')} END`
      const oneMonth = 30 * DAY
      await connection.query(`
        INSERT INTO "Case" (id, number, "organizationId", "reporterUserId", "createdByUserId", channel, area, "subArea",
                            subject, message, status, answer, "createdAt", "statusSince", "providerActivityAt",
                            "closedAt", version, "idempotencyKey")
        SELECT ${uuidAt('ms')}, ${number}, v."organizationId", v."userId", v."userId",
               'PORTAL', (${textArray(TOPICS.map((t) => t[0]))})[1 + i % ${TOPICS.length}],
               (${textArray(TOPICS.map((t) => t[1]))})[1 + i % ${TOPICS.length}],
               (${textArray(SUBJECTS)})[1 + i % ${SUBJECTS.length}],
               'Hej! Jag behöver hjälp med det här. Ärende ' || i || ' i volymdata.',
               status::"CaseStatus",
               CASE WHEN status = 'CLOSED' THEN 'Det är åtgärdat. Hör av dig om något mer behövs.' END,
               ${at('ms')}, ${at('since')}, CASE WHEN status <> 'RECEIVED' THEN ${at('since')} END,
               CASE WHEN status = 'CLOSED' THEN ${at('since')} END,
               CASE status WHEN 'RECEIVED' THEN 1 WHEN 'IN_PROGRESS' THEN 2 ELSE 3 END,
               'volym-' || i
          FROM (
            SELECT *, CASE status WHEN 'RECEIVED' THEN ms WHEN 'IN_PROGRESS' THEN ms + ${DAY / 24}
                                  ELSE ms + (1 + i % 10) * ${DAY}::bigint END AS since
              FROM (
                SELECT i, ms, k, CASE WHEN k = 0 THEN 0 ELSE i % ${perOrganization} END AS p,
                       CASE WHEN ${nowMs}::bigint - ms > ${oneMonth} THEN 'CLOSED'
                            WHEN ${nowMs}::bigint - ms > ${2 * DAY} AND i % 3 = 0 THEN 'IN_PROGRESS'
                            ELSE 'RECEIVED' END AS status
                  FROM (
                    SELECT i, ${start}::bigint + i * ${span} / ${n} + (i * 2654435761 % 4294967296) % ${step} AS ms,
                           CASE WHEN (i + 1) * ${heavy} / ${n} > i * ${heavy} / ${n} THEN 0::bigint
                                -- skewed: a few organisations have many cases, most have few
                                ELSE 1 + floor(${organizations - 1}
                                               * power(((i * 2246822519 + 3266489917) % 4294967296)::float8 / 4294967296, 2))::bigint
                           END AS k
                      FROM generate_series(0::bigint, ${n - 1n}) AS i
                  ) dated
              ) assigned
          ) c JOIN volume_people v USING (k, p)`)
      done(`${cases} cases`)
      await rebuild(done)
      for (const { year, first } of years) {
        const next = years.find((y) => y.year === year + 1)?.first ?? n
        await connection.query(
          `INSERT INTO "NumberSequence" (series, year, last) VALUES ('', $1, $2)
           ON CONFLICT (series, year) DO UPDATE SET last = excluded.last`,
          [year, lastOf(year) + Number(next - first)],
        )
      }
      await connection.exec('COMMIT')
      done('commit')
    } catch (error) {
      await connection.exec('ROLLBACK')
      throw error
    }
    await connection.exec('ANALYZE "Organization"; ANALYZE "User"; ANALYZE "Membership"; ANALYZE "Case"')
    done('analyse')
    const [person] = await connection.query<{ userId: string; organizationId: string }>(
      `SELECT u.id AS "userId", m."organizationId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id
        WHERE u.username = $1`,
      [VOLUME_PERSON],
    )
    if (!person) throw new Error('generateCases: the one person is missing')
    return {
      ...person,
      username: VOLUME_PERSON,
      organizations,
      people: 1 + (organizations - 1) * perOrganization,
      cases,
      onePersonCases: heavy,
    }
  })
}

async function insertOrganizationsAndPeople(
  connection: SqlConnection,
  s: {
    organizations: number
    perOrganization: number
    passwordHash: string | null
    orgMs: (k: string) => string
    userMs: (k: string, p: string) => string
    organizationId: (k: string) => string
    userId: (k: string, p: string) => string
  },
): Promise<void> {
  // Organisationsnummer 559xxxxxx + a Luhn check digit (k < 1,000,000).
  const body = `'559' || lpad(k::text, 6, '0')`
  const luhn = `(10 - (SELECT sum(CASE WHEN pos % 2 = 1
                                      THEN (substr(${body}, pos, 1)::int * 2) % 10 + (substr(${body}, pos, 1)::int * 2) / 10
                                      ELSE substr(${body}, pos, 1)::int END)
                         FROM generate_series(1, 9) AS pos) % 10) % 10`
  await connection.query(`
    INSERT INTO "Organization" (id, "orgNumber", name, type, "createdAt", "updatedAt")
    SELECT ${s.organizationId('k')}, ${body} || ${luhn},
           CASE WHEN k = 0 THEN 'Volymkommunen' ELSE 'Volymorganisation ' || k END, 'CUSTOMER',
           ${at(s.orgMs('k'))}, ${at(s.orgMs('k'))}
      FROM generate_series(0::bigint, ${s.organizations - 1}) AS k`)
  // Everyone's ids, once: the cases look their reporter up here by (organisation k, person p).
  await connection.exec(`
    CREATE TEMPORARY TABLE volume_people ON COMMIT DROP AS
    SELECT k, p, ${s.userId('k', 'p')} AS "userId", ${s.organizationId('k')} AS "organizationId",
           ${at(s.userMs('k', 'p'))} AS at
      FROM (SELECT 0::bigint AS k, 0::bigint AS p
            UNION ALL
            SELECT k, p FROM generate_series(1::bigint, ${s.organizations - 1}) AS k,
                             generate_series(0::bigint, ${s.perOrganization - 1}) AS p) people;
    ANALYZE volume_people`)
  // The account-namespace trigger checks each new row against every account, by a plan made while the table
  // was small: row by row it costs minutes for 20,000 people. It is off for this insert (inside the
  // caller's transaction) and the same rule is checked once, set-based, afterwards.
  await connection.exec('ALTER TABLE "User" DISABLE TRIGGER "User_account_namespace"')
  await connection.query(
    `INSERT INTO "User" (id, username, email, name, "passwordHash", "createdAt", "updatedAt")
     SELECT "userId", address, address, CASE WHEN k = 0 THEN 'Vera Volym' ELSE 'Person ' || k || '-' || p END,
            CASE WHEN k = 0 THEN $1::text END, at, at
       FROM (SELECT *, CASE WHEN k = 0 THEN $2 ELSE 'volym-' || k || '-' || p || '@volym.example' END AS address
               FROM volume_people) named`,
    [s.passwordHash, VOLUME_PERSON],
  )
  await connection.exec('ALTER TABLE "User" ENABLE TRIGGER "User_account_namespace"')
  const [clash] = await connection.query<{ address: string }>(
    `SELECT a.email AS address FROM "User" a JOIN "User" b ON (a.email = b.username OR a.username = b.email)
      AND a.id <> b.id WHERE a.email LIKE '%@volym.example' LIMIT 1`,
  )
  if (clash) throw new Error(`generateCases: ${clash.address} already names another account`)
  await connection.query(`
    INSERT INTO "Membership" (id, "userId", "organizationId", roles, "acceptedAt", "createdAt", "updatedAt")
    SELECT "userId", "userId", "organizationId", '{ORDERER}'::"Role"[], at, at, at FROM volume_people`)
}

/**
 * Drops "Case"'s indexes (all but its primary key) and foreign keys; the returned function creates them again
 * from their own definitions, each index built in one pass and each key checked in one query.
 */
async function dropCaseIndexesAndForeignKeys(
  connection: SqlConnection,
): Promise<(done: (what: string) => void) => Promise<void>> {
  const indexes = await connection.query<{ name: string; definition: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = '"Case"'::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
  )
  const keys = await connection.query<{ name: string; definition: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE conrelid = '"Case"'::regclass AND contype = 'f'`,
  )
  for (const key of keys) await connection.exec(`ALTER TABLE "Case" DROP CONSTRAINT "${key.name}"`)
  for (const index of indexes) await connection.exec(`DROP INDEX "${index.name}"`)
  return async (done) => {
    for (const index of indexes) {
      await connection.exec(index.definition)
      done(index.name)
    }
    for (const key of keys) {
      await connection.exec(`ALTER TABLE "Case" ADD CONSTRAINT "${key.name}" ${key.definition}`)
      done(key.name)
    }
  }
}

/**
 * The cursor of "Mina ärenden"'s page `page` (1-based) of `pageSize` for the person: the row before it in
 * (createdAt desc, id desc) order, fetched with one query (OFFSET over the person's index). Null for page 1.
 */
export async function myCasesCursor(
  sql: SqlRunner,
  volume: Pick<CaseVolume, 'organizationId' | 'userId'>,
  page: number,
  pageSize: number,
): Promise<{ createdAt: Date; id: string } | null> {
  if (page <= 1) return null
  const [row] = await sql.query<{ createdAt: Date; id: string }>(
    `SELECT "createdAt", id FROM "Case" WHERE "organizationId" = $1 AND "reporterUserId" = $2
      ORDER BY "createdAt" DESC, id DESC OFFSET $3 LIMIT 1`,
    [volume.organizationId, volume.userId, (page - 1) * pageSize - 1],
  )
  if (!row) throw new Error(`the person has fewer than ${(page - 1) * pageSize} cases`)
  return { createdAt: new Date(row.createdAt), id: row.id }
}
