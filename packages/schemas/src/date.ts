import { z } from 'zod'

const EARLIEST = new Date('1900-01-01T00:00:00Z')
const LATEST = new Date('9999-12-31T23:59:59Z')
const INVALID = 'Ange ett giltigt datum.'

/**
 * The one date schema every date input starts from: a real date between 1900 and 9999. JavaScript dates
 * reach year 275760, which the database cannot store or compare, so wider ones are refused here with a
 * message rather than failing there. Over HTTP a date travels as JSON does (an ISO 8601 string with its
 * offset, as `Date.prototype.toJSON` writes it); code calling a procedure directly may pass a `Date`.
 */
export function zDate() {
  return z
    .union([z.date(), z.iso.datetime({ offset: true, message: INVALID })], { message: INVALID })
    .transform((value) => (typeof value === 'string' ? new Date(value) : value))
    .pipe(
      z
        .date({ message: INVALID })
        .min(EARLIEST, { message: 'Datumet kan inte vara före år 1900.' })
        .max(LATEST, { message: 'Datumet kan inte vara efter år 9999.' }),
    )
}
