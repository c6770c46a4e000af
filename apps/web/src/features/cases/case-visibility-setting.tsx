import type { CaseVisibility } from '@kundnav/schemas'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { RadioGroup } from '../../components/ui/radio-group.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { StatusMessage, useStatusMessage } from '../../components/ui/status-message.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { errorCodeMessage } from '../../lib/trpc-error.ts'

const CHOICES: readonly CaseVisibility[] = ['REPORTER_ONLY', 'ADMINS', 'MEMBERS']

function isChoice(value: unknown): value is CaseVisibility {
  return CHOICES.some((choice) => choice === value)
}

/**
 * "Vem ser organisationens ärenden?" for the organisation's Administratör (caseSettings.manage): only the
 * person who created a case, the organisation's administrators, or everyone in it. "Spara" asks first,
 * naming the choice; the saved choice is announced.
 */
export function CaseVisibilitySetting() {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const headingId = useId()
  const setting = useQuery(trpc.caseSettings.get.queryOptions())
  const save = useMutation(trpc.caseSettings.set.mutationOptions())
  const [chosen, setChosen] = useState<CaseVisibility | null>(null)
  const [confirming, setConfirming] = useState(false)
  const status = useStatusMessage()
  const saveButton = useRef<HTMLButtonElement>(null)
  const current = setting.data?.visibility
  const value = chosen ?? (isChoice(current) ? current : null)

  function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    status.clear()
    save.reset()
    if (!value || value === current) {
      status.announce(t('cases.settings.unchanged'))
      return
    }
    setConfirming(true)
  }

  function confirm() {
    if (!value) return
    save.mutate(
      { visibility: value },
      {
        onSuccess: () => {
          setConfirming(false)
          setChosen(null)
          status.announce(
            value === 'REPORTER_ONLY'
              ? t('cases.settings.savedReporterOnly')
              : t('cases.settings.saved', { choice: t(`cases.settings.${value}`) }),
            { focus: true },
          )
          void queryClient.invalidateQueries(trpc.caseSettings.pathFilter())
          void queryClient.invalidateQueries(trpc.case.list.pathFilter())
        },
      },
    )
  }

  const failure = save.isError ? (
    <Alert tone="error">
      <p>{t('common.saveFailed')}</p>
      {errorCodeMessage(t, save.error) ? <p>{errorCodeMessage(t, save.error)}</p> : null}
    </Alert>
  ) : null

  return (
    <section aria-labelledby={headingId} className="mt-12 max-w-3xl border-line border-t-2 pt-6">
      {setting.data ? (
        <form noValidate onSubmit={ask} className="space-y-4">
          <RadioGroup
            id="case-visibility"
            name="visibility"
            headingId={headingId}
            legend={t('cases.settings.heading')}
            hint={t('cases.settings.intro')}
            options={CHOICES.map((choice) => ({ value: choice, label: t(`cases.settings.${choice}`) }))}
            value={value}
            onChange={(next) => setChosen(isChoice(next) ? next : null)}
          />
          <StatusMessage ref={status.ref} message={status.message} />
          <Button ref={saveButton} type="submit">
            {t('cases.settings.save')}
          </Button>
        </form>
      ) : (
        <>
          <h2 id={headingId} className="mb-3 font-bold text-2xl">
            {t('cases.settings.heading')}
          </h2>
          {setting.isPending ? (
            <Skeleton label={t('cases.settings.loading')} lines={3} />
          ) : (
            <LoadProblem error={setting.error} onRetry={() => void setting.refetch()} />
          )}
        </>
      )}
      {confirming && value ? (
        <ConfirmDialog
          title={t('cases.settings.confirmTitle')}
          confirmLabel={t('cases.settings.confirm')}
          busyLabel={t('cases.settings.saving')}
          cancelLabel={t('cases.settings.cancel')}
          busy={save.isPending}
          problem={failure}
          destructive={false}
          onConfirm={confirm}
          onClose={() => {
            setConfirming(false)
            save.reset()
          }}
          returnFocus={() => status.returnFocus() ?? saveButton.current}
        >
          <p>{t('cases.settings.confirmText', { choice: t(`cases.settings.${value}`) })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
