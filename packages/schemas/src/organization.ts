import { z } from 'zod'

/** Luhn (mod 10) check over all digits, the last being the check digit. */
export function hasValidLuhnCheckDigit(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index])
    if (index % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/** Organisationsnummer, typed as people write it ("556036-0793") and kept as 10 digits. */
export const ZOrgNumber = z
  .string()
  .trim()
  .transform((value) => value.replace(/[-\s]/g, ''))
  .refine((value) => /^\d{10}$/.test(value), {
    message: 'Ange organisationsnumret med 10 siffror, till exempel 556036-0793.',
  })
  .refine((value) => hasValidLuhnCheckDigit(value), {
    message: 'Organisationsnumret stämmer inte. Kontrollera siffrorna.',
  })

/** "5560360793" → "556036-0793", as it is shown. */
export function formatOrgNumber(orgNumber: string): string {
  return orgNumber.length === 10 ? `${orgNumber.slice(0, 6)}-${orgNumber.slice(6)}` : orgNumber
}
