// What text every input refuses, without zod: zText (text.ts) and the sign-in form's schema (sign-in.ts,
// zod/mini) both check with it.

/** C0 and C1 control characters and DEL; tab, line feed and carriage return are judged separately. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
const LINE_BREAK_OR_TAB = /[\t\n\r\u2028\u2029]/
/** Embeddings, overrides and isolates: they make text read differently from what it is ("Trojan Source"). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export const TEXT_MESSAGES = {
  control: 'Texten innehåller ett osynligt styrtecken. Ta bort det (skriv texten på nytt) och försök igen.',
  lineBreak: 'Fältet får inte innehålla radbrytningar eller tabbar. Skriv allt på en rad.',
  bidi: 'Texten innehåller ett osynligt tecken som vänder skrivriktningen. Ta bort det och försök igen.',
  surrogate: 'Texten innehåller ett trasigt tecken. Skriv texten på nytt i stället för att klistra in den.',
} as const

/** The first reason `value` is not acceptable text, or null. Tab and line breaks only where multi-line. */
export function textProblem(value: string, multiline = false): keyof typeof TEXT_MESSAGES | null {
  if (CONTROL.test(value)) return 'control'
  if (!multiline && LINE_BREAK_OR_TAB.test(value)) return 'lineBreak'
  if (BIDI_CONTROL.test(value)) return 'bidi'
  if (LONE_SURROGATE.test(value)) return 'surrogate'
  return null
}
