import { MAX_FILES_PER_CASE, ZCaseMessageInput } from '@kundnav/schemas'
import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { FormErrors } from '../../components/ui/error-summary.tsx'
import { TextAreaField } from '../../components/ui/text-area-field.tsx'
import { serverFieldErrors, useFieldErrors } from '../../lib/form.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { FileUploadField } from '../cases/file-upload-field.tsx'
import { useFileUploads } from '../cases/use-file-uploads.ts'
import { type CaseProblem, CaseProblemAlert, caseProblem } from './support-case-problem.tsx'
import type { SupportCaseView } from './support-case-query.ts'

const FIELD_IDS = { body: 'meddelande-till-personen', fileIds: 'bifoga-filer-till-personen' } as const

/**
 * "Skriv till Ida Handläggare": a message of the dialogue from support, with files uploaded as they are
 * chosen (the same `/api/files` as the reporter's). The reporter is mailed; the message joins the dialogue.
 */
export function WriteToReporter({
  view,
  reporterName,
  onSent,
  onReload,
}: {
  view: SupportCaseView
  reporterName: string
  onSent: (message: string) => void
  onReload: () => void
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const headingId = useId()
  const [body, setBody] = useState('')
  const uploads = useFileUploads({
    limit: Math.max(0, MAX_FILES_PER_CASE - view.files.length - view.messages.flatMap((m) => m.files).length),
  })
  const send = useMutation(trpc.case.addMessage.mutationOptions())
  const fieldErrors = useFieldErrors<keyof typeof FIELD_IDS>(FIELD_IDS)
  const [problem, setProblem] = useState<CaseProblem | null>(null)
  const name = { name: reporterName }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (send.isPending) return
    setProblem(null)
    if (uploads.busy > 0) {
      fieldErrors.show({ fileIds: t('supportCases.view.waitForUploads') })
      return
    }
    const parsed = ZCaseMessageInput.safeParse({ caseId: view.id, body, fileIds: uploads.fileIds })
    if (!parsed.success) {
      const issue = parsed.error.issues.find((one) => one.path[0] === 'body')
      fieldErrors.show(
        issue
          ? {
              body:
                issue.code === 'too_big'
                  ? t('supportCases.view.messageTooLong')
                  : t('supportCases.view.messageRequired'),
            }
          : { fileIds: parsed.error.issues[0]?.message ?? t('common.saveFailed') },
      )
      return
    }
    fieldErrors.clear()
    send.mutate(parsed.data, {
      onSuccess: () => {
        setBody('')
        uploads.reset()
        onSent(t('supportCases.view.sent', name))
      },
      onError: (error) => {
        const fromServer = serverFieldErrors(t, error, FIELD_IDS)
        if (fromServer.body || fromServer.fileIds) fieldErrors.show(fromServer)
        else setProblem(caseProblem(t, error))
      },
    })
  }

  return (
    <section aria-labelledby={headingId} className="mb-8 max-w-3xl">
      <h2 id={headingId} className="mb-2 font-bold text-2xl">
        {t('supportCases.view.writeHeading', name)}
      </h2>
      <p className="mb-4 max-w-prose">{t('supportCases.view.writeIntro', name)}</p>
      <form noValidate onSubmit={submit} className="space-y-6">
        <FormErrors errors={fieldErrors.summary} attempt={fieldErrors.attempt} failed={false} />
        {problem ? (
          <CaseProblemAlert
            problem={problem}
            onReload={() => {
              setProblem(null)
              onReload()
            }}
          />
        ) : null}
        <TextAreaField
          id={FIELD_IDS.body}
          name="body"
          label={t('supportCases.view.message')}
          error={fieldErrors.errors.body}
          rows={6}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
        <FileUploadField
          id={FIELD_IDS.fileIds}
          uploads={uploads}
          error={fieldErrors.errors.fileIds}
          optional
        />
        <Button type="submit" aria-disabled={send.isPending}>
          {send.isPending ? t('supportCases.view.sending') : t('supportCases.view.send')}
        </Button>
      </form>
    </section>
  )
}
