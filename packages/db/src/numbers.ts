import type { Prisma } from './generated/prisma/client.ts'

/**
 * The next number of `series` in `year`, formatted as people quote it: `B-2026-000123` (orders; cases and
 * applications use series of their own). Call it inside the transaction that writes the numbered record:
 * the counter's row stays locked until that transaction ends, so numbers are unique, and a transaction that
 * rolls back gives its number back, so they have no gaps.
 */
export async function nextNumber(
  tx: Prisma.TransactionClient,
  series: string,
  year: number,
): Promise<string> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "NumberSequence" (series, year, last) VALUES (${series}, ${year}, 1)
    ON CONFLICT (series, year) DO UPDATE SET last = "NumberSequence".last + 1
    RETURNING last`
  if (!row) throw new Error(`no number for ${series} ${year}`)
  return formatNumber(series, year, row.last)
}

export function formatNumber(series: string, year: number, value: number): string {
  return `${series ? `${series}-` : ''}${year}-${String(value).padStart(6, '0')}`
}

/** The calendar year in Sweden at `instant`: what a number counts in. */
export function stockholmYear(instant: Date): number {
  return Number(
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(instant),
  )
}
