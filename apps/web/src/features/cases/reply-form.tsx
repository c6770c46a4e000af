import { MAX_FILES_PER_CASE, ZCaseMessageInput } from '@kundnav/schemas'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { FormErrors } from '../../components/ui/error-summary.tsx'
import { StatusMessage, useStatusMessage } from '../../components/ui/status-message.tsx'
import { TextAreaField } from '../../components/ui/text-area-field.tsx'
import {
  type FieldMessages,
  hasMessages,
  serverFieldErrors,
  useFieldErrors,
  validate,
} from '../../lib/form.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode } from '../../lib/trpc-error.ts'
import type { CaseView } from './case-query.ts'
import { FileUploadField } from './file-upload-field.tsx'
import { useFileUploads } from './use-file-uploads.ts'

/** How many files a case carries in all (its question's and its messages'): the limit counts them together. */
export function caseFileCount(view: Pick<CaseView, 'files' | 'messages'>): number {
  return view.files.length + view.messages.reduce((sum, message) => sum + message.files.length, 0)
}

/**
 * "Skriv ett meddelande" while the case is open: Meddelande and "Bifoga filer", sent with `case.addMessage`
 * (the reporter, or provider support: the server decides). After sending, the case is fetched again, the
 * form empties and "Ditt meddelande är skickat." is announced and focused. `idPrefix` keeps the fields'
 * ids apart when a page has two forms. When the case closes while something is written (`caseClosed`, or
 * the server refusing it), the text stays, read-only, under "Ärendet avslutades medan du skrev", so it is
 * not lost; with nothing written, a closed case has no form.
 */
export function ReplyForm({
  view,
  idPrefix = 'reply',
  heading,
  hint,
  sentMessage,
  closedMessage,
  caseClosed = false,
}: {
  view: Pick<CaseView, 'id' | 'files' | 'messages'>
  /** The case is Avslutat now (a live update): what is written can no longer be sent. */
  caseClosed?: boolean
  idPrefix?: string
  heading?: string
  /** The message field's hint, when not the reporter's ("Svara på supportens frågor …"). */
  hint?: string
  sentMessage?: string
  /** What a case closed meanwhile says, when not the reporter's ("Skapa ett nytt ärende …"). */
  closedMessage?: string
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const headingId = useId()
  const fieldIds = { body: `${idPrefix}-body`, fileIds: `${idPrefix}-files` }
  const fields = useFieldErrors(fieldIds)
  const [failed, setFailed] = useState(false)
  const [closed, setClosed] = useState(false)
  const [formKey, setFormKey] = useState(0)
  const [draft, setDraft] = useState('')
  const status = useStatusMessage()
  const uploads = useFileUploads({ limit: Math.max(0, MAX_FILES_PER_CASE - caseFileCount(view)) })
  const send = useMutation(trpc.case.addMessage.mutationOptions())

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (send.isPending) return
    setFailed(false)
    status.clear()
    const raw = {
      caseId: view.id,
      body: draft,
      fileIds: uploads.fileIds,
    }
    const result = validate(ZCaseMessageInput, raw)
    const found: FieldMessages<'body' | 'fileIds'> = {}
    if (!result.ok) {
      if (result.issues.body)
        found.body =
          result.issues.body === 'too_big'
            ? t('cases.validation.messageTooLong')
            : t('cases.validation.messageRequired')
      if (result.issues.fileIds)
        found.fileIds = t('cases.validation.tooManyFiles', { count: MAX_FILES_PER_CASE })
    }
    if (uploads.busy > 0) found.fileIds = t('cases.create.waitForUploads')
    else if (uploads.failed > 0) found.fileIds = t('cases.validation.fileProblem')
    if (hasMessages(found)) {
      fields.show(found)
      return
    }
    if (!result.ok) {
      setFailed(true)
      return
    }
    fields.clear()
    send.mutate(result.data, {
      onSuccess: () => {
        uploads.reset()
        setFormKey((key) => key + 1)
        setDraft('')
        status.announce(sentMessage ?? t('cases.reply.sent'))
        status.ref.current?.focus()
        void queryClient.invalidateQueries(trpc.case.get.queryFilter({ caseId: view.id }))
        void queryClient.invalidateQueries(trpc.case.list.pathFilter())
      },
      onError: (error) => {
        if (trpcAppCode(error) === 'CASE_CLOSED') {
          setClosed(true)
          void queryClient.invalidateQueries(trpc.case.get.queryFilter({ caseId: view.id }))
          return
        }
        const fromServer = serverFieldErrors(t, error, fieldIds)
        if (hasMessages(fromServer)) fields.show(fromServer)
        else setFailed(true)
      },
    })
  }

  const ended = closed || caseClosed
  if (caseClosed && draft.trim() === '') return null

  return (
    <section aria-labelledby={headingId} className="mb-8 max-w-3xl">
      <h2 id={headingId} className="mb-3 font-bold text-2xl">
        {heading ?? t('cases.reply.heading')}
      </h2>
      <StatusMessage ref={status.ref} message={status.message} />
      {ended ? (
        <Alert tone="error">
          <p>{closedMessage ?? t('cases.reply.closed')}</p>
        </Alert>
      ) : null}
      {ended ? null : (
        <FormErrors errors={fields.summary} attempt={fields.attempt} failed={failed} error={send.error} />
      )}
      <form key={formKey} noValidate onSubmit={submit} className="space-y-6">
        <TextAreaField
          id={fieldIds.body}
          name="body"
          label={t('cases.reply.body')}
          hint={hint ?? t('cases.reply.bodyHint')}
          error={ended ? undefined : fields.errors.body}
          rows={6}
          value={draft}
          readOnly={ended}
          onChange={(event) => setDraft(event.target.value)}
        />
        {ended ? null : (
          <>
            <FileUploadField id={fieldIds.fileIds} uploads={uploads} error={fields.errors.fileIds} optional />
            <Button type="submit" aria-disabled={send.isPending}>
              {send.isPending ? t('cases.reply.sending') : t('cases.reply.submit')}
            </Button>
          </>
        )}
      </form>
    </section>
  )
}
