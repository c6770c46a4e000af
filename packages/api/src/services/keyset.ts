/**
 * Keyset pagination ("Visa fler"): lists ordered by a key and then `id`, each page asking for one row
 * more than it shows, to know whether another page follows.
 */

/**
 * The rows after `cursor` in the order (`key`, id) `direction`: spread into a Prisma `where`, e.g.
 * `...keysetAfter<Prisma.OrderWhereInput>('submittedAt', cursor && { key: cursor.submittedAt, id: cursor.id })`.
 * An index on (…, key, id) answers it: the bound on `key` beside the OR lets PostgreSQL start the index range
 * at the cursor instead of reading every row before it and filtering (cases-scale.test.ts checks the plan).
 */
export function keysetAfter<Where>(
  key: string,
  cursor: { key: unknown; id: string } | undefined,
  direction: 'asc' | 'desc' = 'desc',
): Where {
  if (!cursor) return {} as Where
  const beyond = direction === 'desc' ? 'lt' : 'gt'
  const from = direction === 'desc' ? 'lte' : 'gte'
  return {
    [key]: { [from]: cursor.key },
    OR: [{ [key]: { [beyond]: cursor.key } }, { [key]: cursor.key, id: { [beyond]: cursor.id } }],
  } as Where
}

/** A page of `rows` (fetched with `take: limit + 1`) and the cursor of the next, if there is one. */
export function keysetPage<Row, Cursor>(
  rows: Row[],
  limit: number,
  cursorOf: (last: Row) => Cursor,
): { page: Row[]; nextCursor: Cursor | null } {
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return { page, nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null }
}
