import { caseTopicLabel, ZRegisterPhoneCaseInput } from '@kundnav/schemas'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { FormErrors } from '../../components/ui/error-summary.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { PageHeading } from '../../components/ui/page-heading.tsx'
import { SearchForm } from '../../components/ui/search-form.tsx'
import { SelectField } from '../../components/ui/select-field.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { isLanguage } from '../../i18n/i18n.ts'
import {
  type FieldMessages,
  hasMessages,
  serverFieldErrors,
  useFieldErrors,
  validate,
} from '../../lib/form.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode } from '../../lib/trpc-error.ts'
import { CaseFields, type CaseTopic } from '../cases/case-fields.tsx'
import { useFileUploads } from '../cases/use-file-uploads.ts'

const FIELD_IDS = {
  organizationId: 'organisation',
  reporterUserId: 'person',
  area: 'omrade',
  subArea: 'delomrade',
  subject: 'amne',
  message: 'meddelande',
  fileIds: 'bifoga-filer',
} as const
type Field = keyof typeof FIELD_IDS

interface Registered {
  caseId: string
  number: string
  reporterName: string
  organizationName: string
}

/**
 * "Registrera telefonärende" (seed 002 2.2: "Questions or issues reported over the phone will be registered
 * by Statens servicecenter"): the organisation, then the person who called, then Område, Delområde, Ämne,
 * Meddelande and files by the same topic rules as "Skapa ärende". One idempotency key per case: pressing
 * "Registrera ärendet" twice, or again after a lost answer, registers one case. The confirmation names the
 * case number; "Registrera ett telefonärende till" starts an empty form.
 */
export function PhoneCasePage() {
  const [round, setRound] = useState(0)
  const [registered, setRegistered] = useState<Registered | null>(null)
  if (registered) {
    return (
      <PhoneCaseRegistered
        registered={registered}
        onAnother={() => {
          setRegistered(null)
          setRound((count) => count + 1)
        }}
      />
    )
  }
  return <PhoneCaseForm key={round} onRegistered={setRegistered} />
}

function PhoneCaseForm({ onRegistered }: { onRegistered: (registered: Registered) => void }) {
  const { t, i18n } = useTranslation()
  const language = isLanguage(i18n.language) ? i18n.language : 'sv'
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const [search, setSearch] = useState<string | undefined>(undefined)
  const [organization, setOrganization] = useState<{ id: string; name: string } | null>(null)
  const [reporterUserId, setReporterUserId] = useState('')
  const [topic, setTopic] = useState<CaseTopic>({ area: null, subArea: null })
  // Made once per case: a second press, or a retry after a lost answer, is the same case.
  const [idempotencyKey] = useState(() => crypto.randomUUID())
  const uploads = useFileUploads()
  const organizations = useQuery(trpc.support.organizations.queryOptions({ search: search ?? '' }))
  const members = useQuery({
    ...trpc.support.members.queryOptions({ organizationId: organization?.id ?? '' }),
    enabled: Boolean(organization),
  })
  const register = useMutation(trpc.supportCase.registerPhoneCase.mutationOptions())
  const fieldErrors = useFieldErrors<Field>(FIELD_IDS)
  const [failed, setFailed] = useState<unknown>(null)
  const { errors } = fieldErrors

  const organizationChoices = [
    ...(organizations.data ?? []).map((one) => ({ id: one.id, name: one.name, orgNumber: one.orgNumber })),
  ]
  if (organization && !organizationChoices.some((one) => one.id === organization.id)) {
    organizationChoices.unshift({ ...organization, orgNumber: '' })
  }

  function messagesFor(issues: Partial<Record<string, string>>): FieldMessages<Field> {
    const found: FieldMessages<Field> = {}
    const text = (field: 'subject' | 'message', code: string) =>
      code === 'too_big'
        ? t(`supportCases.phone.validation.${field}TooLong`)
        : t(`supportCases.phone.validation.${field}Required`)
    if (issues.organizationId) found.organizationId = t('supportCases.phone.validation.organization')
    // Without an organisation there is no person to choose yet: "Välj organisation." says what to do first.
    if (issues.reporterUserId && !issues.organizationId) {
      found.reporterUserId = t('supportCases.phone.validation.person')
    }
    if (issues.area) found.area = t('supportCases.phone.validation.area')
    if (issues.subArea) found.subArea = t('supportCases.phone.validation.subArea')
    if (issues.subject) found.subject = text('subject', issues.subject)
    if (issues.message) found.message = text('message', issues.message)
    if (issues.fileIds && topic.area) {
      found.fileIds = t('supportCases.phone.validation.fileRequired', {
        topic: caseTopicLabel(topic.area, topic.subArea, language),
      })
    }
    return found
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (register.isPending) return
    setFailed(null)
    if (uploads.busy > 0) {
      fieldErrors.show({ fileIds: t('supportCases.phone.waitForUploads') })
      return
    }
    // A refused file stays listed with its reason until removed: the case is not sent without it unasked.
    if (uploads.failed > 0) {
      fieldErrors.show({ fileIds: t('cases.validation.fileProblem') })
      return
    }
    const form = new FormData(event.currentTarget)
    const values = {
      organizationId: organization?.id ?? '',
      reporterUserId,
      area: topic.area ?? '',
      subArea: topic.subArea,
      subject: String(form.get('subject') ?? ''),
      message: String(form.get('message') ?? ''),
      fileIds: uploads.fileIds,
      idempotencyKey,
    }
    const checked = validate(ZRegisterPhoneCaseInput, values)
    if (!checked.ok) {
      fieldErrors.show(messagesFor(checked.issues))
      return
    }
    fieldErrors.clear()
    const reporter = members.data?.find((member) => member.userId === reporterUserId)
    register.mutate(checked.data, {
      onSuccess: (result) => {
        void queryClient.invalidateQueries(trpc.supportCase.pathFilter())
        void queryClient.invalidateQueries(trpc.case.pathFilter())
        onRegistered({
          caseId: result.caseId,
          number: result.number,
          reporterName: reporter?.name ?? '',
          organizationName: organization?.name ?? '',
        })
      },
      onError: (error) => {
        if (trpcAppCode(error) === 'REPORTER_NOT_FOUND') {
          void members.refetch()
          fieldErrors.show({ reporterUserId: t('supportCases.phone.validation.personGone') })
          return
        }
        const fromServer = serverFieldErrors(t, error, FIELD_IDS)
        if (hasMessages(fromServer)) {
          fieldErrors.show(fromServer)
          return
        }
        setFailed(error)
        fieldErrors.show({})
      },
    })
  }

  return (
    <>
      <PageHeading>{t('supportCases.phone.title')}</PageHeading>
      <p className="mb-6 max-w-prose">{t('supportCases.phone.intro')}</p>

      <FormErrors
        errors={fieldErrors.summary}
        attempt={fieldErrors.attempt}
        failed={failed !== null}
        error={failed}
      />

      <h2 className="mb-4 font-bold text-2xl">{t('supportCases.phone.organizationHeading')}</h2>
      <SearchForm
        legend={t('supportCases.phone.searchLegend')}
        name="search"
        label={t('supportCases.phone.searchLabel')}
        hint={t('supportCases.phone.searchHint')}
        value={search}
        submitLabel={t('supportCases.phone.searchSubmit')}
        clearLabel={t('supportCases.phone.searchClear')}
        status={search ? t('supportCases.phone.searchShowing', { search }) : null}
        onSearch={setSearch}
      />

      <form noValidate onSubmit={submit} className="space-y-8">
        {organizations.isPending ? (
          <Skeleton label={t('supportCases.phone.loadingOrganizations')} lines={1} />
        ) : organizations.isError ? (
          <LoadProblem error={organizations.error} onRetry={() => void organizations.refetch()} />
        ) : organizationChoices.length === 0 ? (
          <p id={FIELD_IDS.organizationId} tabIndex={-1} className="font-semibold">
            {t('supportCases.phone.noOrganizations', { search: search ?? '' })}
          </p>
        ) : (
          <SelectField
            id={FIELD_IDS.organizationId}
            name="organizationId"
            label={t('supportCases.phone.organization')}
            hint={t('supportCases.phone.organizationHint')}
            error={errors.organizationId}
            value={organization?.id ?? ''}
            onChange={(event) => {
              const next = organizationChoices.find((one) => one.id === event.target.value)
              setOrganization(next ? { id: next.id, name: next.name } : null)
              setReporterUserId('')
            }}
            options={[
              { value: '', label: t('supportCases.phone.chooseOrganization') },
              ...organizationChoices.map((one) => ({
                value: one.id,
                label: one.orgNumber ? `${one.name} (${one.orgNumber})` : one.name,
              })),
            ]}
          />
        )}

        <section className="space-y-6">
          <h2 className="font-bold text-2xl">{t('supportCases.phone.caseHeading')}</h2>
          {!organization ? (
            <p id={FIELD_IDS.reporterUserId} tabIndex={-1} className="text-ink-muted">
              {t('supportCases.phone.chooseOrganizationFirst')}
            </p>
          ) : members.isPending ? (
            <Skeleton label={t('supportCases.phone.loadingPeople')} lines={1} />
          ) : members.isError ? (
            <LoadProblem error={members.error} onRetry={() => void members.refetch()} />
          ) : members.data.length === 0 ? (
            <p id={FIELD_IDS.reporterUserId} tabIndex={-1} className="font-semibold">
              {t('supportCases.phone.noPeople')}
            </p>
          ) : (
            <SelectField
              id={FIELD_IDS.reporterUserId}
              name="reporterUserId"
              label={t('supportCases.phone.person')}
              hint={t('supportCases.phone.personHint')}
              error={errors.reporterUserId}
              value={reporterUserId}
              onChange={(event) => setReporterUserId(event.target.value)}
              options={[
                { value: '', label: t('supportCases.phone.choosePerson') },
                ...members.data.map((member) => ({
                  value: member.userId,
                  label: `${member.name} (${member.email})`,
                })),
              ]}
            />
          )}

          <CaseFields
            words="supportCases.phone"
            ids={FIELD_IDS}
            topic={topic}
            onTopic={setTopic}
            uploads={uploads}
            errors={errors}
          />
        </section>

        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" aria-disabled={register.isPending}>
            {register.isPending ? t('supportCases.phone.sending') : t('supportCases.phone.submit')}
          </Button>
          <Link to="/support/arenden" className="font-semibold">
            {t('supportCases.phone.cancel')}
          </Link>
        </div>
      </form>
    </>
  )
}

/** The confirmation: the case number, whom it concerns and that they were mailed; where to go next. */
function PhoneCaseRegistered({ registered, onAnother }: { registered: Registered; onAnother: () => void }) {
  const { t } = useTranslation()
  const panelRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    // A new page in all but address: focus goes to its heading, as after a page change.
    panelRef.current?.closest('main')?.querySelector<HTMLElement>('h1')?.focus()
  }, [])
  const names = { name: registered.reporterName, organization: registered.organizationName }
  return (
    <div ref={panelRef}>
      <PageHeading>{t('supportCases.phone.done.title')}</PageHeading>
      <div className="mb-6 max-w-prose border-[#00703c] border-l-8 bg-surface p-5">
        <p className="font-semibold">{t('supportCases.phone.done.number')}</p>
        <p className="font-bold text-3xl">{registered.number}</p>
      </div>
      <p className="mb-3 max-w-prose">{t('supportCases.phone.done.text', names)}</p>
      <p className="mb-6 max-w-prose">{t('supportCases.phone.done.mailed', names)}</p>
      <ul className="space-y-3">
        <li>
          <Link
            to="/support/arenden/$caseId"
            params={{ caseId: registered.caseId }}
            className="font-semibold"
          >
            {t('supportCases.phone.done.toCase')}
          </Link>
        </li>
        <li>
          <Button variant="secondary" onClick={onAnother}>
            {t('supportCases.phone.done.another')}
          </Button>
        </li>
        <li>
          <Link to="/support/arenden" className="font-semibold">
            {t('supportCases.phone.done.toQueue')}
          </Link>
        </li>
      </ul>
    </div>
  )
}
