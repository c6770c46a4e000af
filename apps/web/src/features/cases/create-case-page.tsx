import {
  caseArea,
  caseTopicLabel,
  MAX_FILES_PER_CASE,
  topicRequiresAttachment,
  ZCreateCaseInput,
} from '@kundnav/schemas'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Link, useNavigate } from '@tanstack/react-router'
import type { TFunction } from 'i18next'
import { type FormEvent, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { FormErrors } from '../../components/ui/error-summary.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import type { Language } from '../../i18n/i18n.ts'
import {
  type FieldIssues,
  type FieldMessages,
  hasMessages,
  serverFieldErrors,
  useFieldErrors,
  validate,
} from '../../lib/form.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode, trpcFieldErrors } from '../../lib/trpc-error.ts'
import { CaseFields, type CaseTopic } from './case-fields.tsx'
import { usePageLanguage } from './case-format.ts'
import { useFileUploads } from './use-file-uploads.ts'

const FIELD_IDS = {
  area: 'case-area',
  subArea: 'case-sub-area',
  subject: 'case-subject',
  message: 'case-message',
  fileIds: 'case-files',
} as const

type Field = keyof typeof FIELD_IDS

/**
 * "Skapa ärende" (seed 002, 2.1): Område (with each area's help text), Delområde when the area has any,
 * Ämne, Meddelande and "Bifoga filer", which upload as soon as they are chosen. Checked on "Skicka" with
 * the server's own schema and the topic's rules (Lön → Beslut/Underlag needs a file); nothing is sent while
 * a file is still uploading. Each "Skicka" that reaches the server carries an idempotency key, kept for a
 * retry after an unclear failure, so a double submit or a retry makes one case. Then the confirmation.
 */
export function CreateCasePage() {
  const { t } = useTranslation()
  const language = usePageLanguage()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const create = useMutation(trpc.case.create.mutationOptions())
  const uploads = useFileUploads()
  const fields = useFieldErrors(FIELD_IDS)
  const [failed, setFailed] = useState(false)
  const [topic, setTopic] = useState<CaseTopic>({ area: null, subArea: null })
  const idempotencyKey = useRef<string | null>(null)

  const chosenArea = topic.area ? caseArea(topic.area) : undefined

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (create.isPending) return
    setFailed(false)
    const form = new FormData(event.currentTarget)
    idempotencyKey.current ??= crypto.randomUUID()
    const raw = {
      area: topic.area ?? '',
      subArea: topic.subArea,
      subject: String(form.get('subject') ?? ''),
      message: String(form.get('message') ?? ''),
      fileIds: uploads.fileIds,
      idempotencyKey: idempotencyKey.current,
    }
    const result = validate(ZCreateCaseInput, raw)
    const found = result.ok ? {} : fieldMessages(t, language, result.issues, raw)
    // The schema checks the topic only once the other fields pass; say everything at once.
    if (!found.area && !caseArea(raw.area)) found.area = t('cases.validation.area')
    if (!found.subArea && chosenArea && chosenArea.subAreas.length > 0 && !topic.subArea)
      found.subArea = t('cases.validation.subArea')
    if (
      !found.fileIds &&
      caseArea(raw.area) &&
      topicRequiresAttachment(raw.area, raw.subArea) &&
      raw.fileIds.length === 0
    )
      found.fileIds = t('cases.validation.fileRequired', {
        topic: caseTopicLabel(raw.area, raw.subArea, language),
      })
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
    create.mutate(result.data, {
      onSuccess: ({ caseId }) => {
        idempotencyKey.current = null
        uploads.reset()
        void queryClient.invalidateQueries(trpc.case.list.pathFilter())
        void navigate({ to: '/arenden/skapat/$caseId', params: { caseId } })
      },
      onError: (error) => {
        const fromServer = serverFieldErrors(t, error, FIELD_IDS)
        // A refusal that names a field is an answer: the next "Skicka" is a new attempt.
        if (hasMessages(fromServer) || trpcAppCode(error) || Object.keys(trpcFieldErrors(error)).length > 0)
          idempotencyKey.current = null
        if (hasMessages(fromServer)) fields.show(fromServer)
        else setFailed(true)
      },
    })
  }

  return (
    <>
      <PageHeading>{t('cases.create.title')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('cases.create.intro')}</p>
      <FormErrors errors={fields.summary} attempt={fields.attempt} failed={failed} error={create.error} />
      <form noValidate onSubmit={submit} className="space-y-8">
        <CaseFields
          words="cases.create"
          ids={FIELD_IDS}
          topic={topic}
          onTopic={setTopic}
          uploads={uploads}
          errors={fields.errors}
        />
        <div className="flex flex-wrap items-center gap-6">
          <Button type="submit" aria-disabled={create.isPending}>
            {create.isPending ? t('cases.create.sending') : t('cases.create.submit')}
          </Button>
          <Link to="/arenden">{t('cases.create.cancel')}</Link>
        </div>
      </form>
    </>
  )
}

/** The schema's verdict on each field, said in the page's language and telling how to fix it. */
function fieldMessages(
  t: TFunction,
  language: Language,
  issues: FieldIssues,
  raw: { area: string; subArea: string | null },
): FieldMessages<Field> {
  const found: FieldMessages<Field> = {}
  for (const [field, code] of Object.entries(issues)) {
    switch (field) {
      case 'area':
        found.area = t('cases.validation.area')
        break
      case 'subArea':
        found.subArea = t('cases.validation.subArea')
        break
      case 'subject':
        found.subject =
          code === 'too_big' ? t('cases.validation.subjectTooLong') : t('cases.validation.subjectRequired')
        break
      case 'message':
        found.message =
          code === 'too_big' ? t('cases.validation.messageTooLong') : t('cases.validation.messageRequired')
        break
      case 'fileIds':
        found.fileIds =
          code === 'too_big'
            ? t('cases.validation.tooManyFiles', { count: MAX_FILES_PER_CASE })
            : t('cases.validation.fileRequired', {
                topic: caseTopicLabel(raw.area, raw.subArea, language),
              })
        break
      default:
        break
    }
  }
  return found
}
