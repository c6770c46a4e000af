import { z } from 'zod'

const EARLIEST = new Date('1900-01-01T00:00:00Z')
const LATEST = new Date('9999-12-31T23:59:59Z')

/**
 * The one date schema every date input starts from: a real date between 1900 and 9999. JavaScript dates
 * reach year 275760, which the database cannot store or compare, so wider ones are refused here with a
 * message rather than failing there.
 */
export function zDate() {
  return z
    .date({ message: 'Ange ett giltigt datum.' })
    .min(EARLIEST, { message: 'Datumet kan inte vara före år 1900.' })
    .max(LATEST, { message: 'Datumet kan inte vara efter år 9999.' })
}
