/**
 * The mails about cases (seed 002), in each language a person can choose: the receipt with the case number,
 * a new message from the provider, a changed status, and the answer when the case is closed. Same pattern
 * as templates.ts: one typed structure per language, so a mail missing in one fails the typecheck.
 */
import type { Language } from '@kundnav/schemas'
import { type MailContent, SIGNATURE } from './templates.ts'

export interface CaseMailInput {
  name: string
  number: string
  subject: string
  /** The topic as the recipient reads it ("Lön → Beslut/Underlag"). */
  topic: string
  link: string
}

export type CaseStatusName = 'RECEIVED' | 'IN_PROGRESS' | 'CLOSED'

interface CaseMailTexts {
  /** The receipt: "When your question/issue has been received, you will get an e-mail with a case number." */
  caseReceived(input: CaseMailInput & { byPhone: boolean }): MailContent
  /** The provider wrote in the dialogue. */
  caseMessage(input: CaseMailInput & { body: string }): MailContent
  /** The reporter wrote in the dialogue: to the support person handling it. */
  caseReply(input: CaseMailInput & { body: string; organizationName: string }): MailContent
  caseStatus(input: CaseMailInput & { status: CaseStatusName }): MailContent
  caseClosed(input: CaseMailInput & { answer: string }): MailContent
}

const STATUS: Record<Language, Record<CaseStatusName, string>> = {
  sv: { RECEIVED: 'Inkommit', IN_PROGRESS: 'Under bearbetning', CLOSED: 'Avslutat' },
  en: {
    RECEIVED: 'Received (Inkommit)',
    IN_PROGRESS: 'In process (Under bearbetning)',
    CLOSED: 'Closed (Avslutat)',
  },
}

const mails: Record<Language, CaseMailTexts> = {
  sv: {
    caseReceived: (input) => ({
      subject: `Ärende ${input.number} har tagits emot`,
      text:
        `Hej ${input.name}!\n\n` +
        (input.byPhone
          ? `Vi har registrerat ditt ärende från telefonsamtalet. Det har ärendenummer ${input.number}.\n\n`
          : `Vi har tagit emot ditt ärende. Det har ärendenummer ${input.number}.\n\n`) +
        `Område: ${input.topic}\nÄmne: ${input.subject}\n\n` +
        `Du följer ärendet under Mina ärenden:\n${input.link}` +
        SIGNATURE.sv,
    }),
    caseMessage: (input) => ({
      subject: `Nytt meddelande i ärende ${input.number}`,
      text:
        `Hej ${input.name}!\n\n` +
        `Du har fått ett nytt meddelande i ärende ${input.number} (${input.subject}):\n\n${input.body}\n\n` +
        `Läs och svara i Mina ärenden:\n${input.link}` +
        SIGNATURE.sv,
    }),
    caseReply: (input) => ({
      subject: `Svar i ärende ${input.number}`,
      text:
        `Hej ${input.name}!\n\n` +
        `Anmälaren på ${input.organizationName} har skrivit i ärende ${input.number} (${input.subject}):\n\n${input.body}\n\n` +
        `Öppna ärendet:\n${input.link}` +
        SIGNATURE.sv,
    }),
    caseStatus: (input) => ({
      subject: `Ärende ${input.number}: ${STATUS.sv[input.status]}`,
      text:
        `Hej ${input.name}!\n\n` +
        `Ärende ${input.number} (${input.subject}) har nu status ${STATUS.sv[input.status]}.\n\n` +
        `Följ ärendet i Mina ärenden:\n${input.link}` +
        SIGNATURE.sv,
    }),
    caseClosed: (input) => ({
      subject: `Ärende ${input.number} är avslutat`,
      text:
        `Hej ${input.name}!\n\n` +
        `Ärende ${input.number} (${input.subject}) är avslutat. Svaret:\n\n${input.answer}\n\n` +
        `Du kan läsa din fråga och svaret i Mina ärenden:\n${input.link}` +
        SIGNATURE.sv,
    }),
  },
  en: {
    caseReceived: (input) => ({
      subject: `Case ${input.number} has been received`,
      text:
        `Hello ${input.name},\n\n` +
        (input.byPhone
          ? `We have registered your case from the phone call. Its case number is ${input.number}.\n\n`
          : `We have received your case. Its case number is ${input.number}.\n\n`) +
        `Topic: ${input.topic}\nSubject: ${input.subject}\n\n` +
        `Follow the case under My cases (Mina ärenden):\n${input.link}` +
        SIGNATURE.en,
    }),
    caseMessage: (input) => ({
      subject: `New message in case ${input.number}`,
      text:
        `Hello ${input.name},\n\n` +
        `You have a new message in case ${input.number} (${input.subject}):\n\n${input.body}\n\n` +
        `Read and reply under My cases (Mina ärenden):\n${input.link}` +
        SIGNATURE.en,
    }),
    caseReply: (input) => ({
      subject: `Reply in case ${input.number}`,
      text:
        `Hello ${input.name},\n\n` +
        `The reporter at ${input.organizationName} has written in case ${input.number} (${input.subject}):\n\n${input.body}\n\n` +
        `Open the case:\n${input.link}` +
        SIGNATURE.en,
    }),
    caseStatus: (input) => ({
      subject: `Case ${input.number}: ${STATUS.en[input.status]}`,
      text:
        `Hello ${input.name},\n\n` +
        `Case ${input.number} (${input.subject}) now has the status ${STATUS.en[input.status]}.\n\n` +
        `Follow the case under My cases (Mina ärenden):\n${input.link}` +
        SIGNATURE.en,
    }),
    caseClosed: (input) => ({
      subject: `Case ${input.number} is closed`,
      text:
        `Hello ${input.name},\n\n` +
        `Case ${input.number} (${input.subject}) is closed. The answer:\n\n${input.answer}\n\n` +
        `You can read your question and the answer under My cases (Mina ärenden):\n${input.link}` +
        SIGNATURE.en,
    }),
  },
}

export function caseMail<K extends keyof CaseMailTexts>(
  language: Language,
  kind: K,
  input: Parameters<CaseMailTexts[K]>[0],
): MailContent {
  return (mails[language][kind] as (input: Parameters<CaseMailTexts[K]>[0]) => MailContent)(input)
}
