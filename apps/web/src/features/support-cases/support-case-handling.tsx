import { useMutation } from '@tanstack/react-query'
import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from '../../components/ui/button.tsx'
import { RadioGroup } from '../../components/ui/radio-group.tsx'
import { useTRPC } from '../../lib/trpc.ts'
import { CaseStatusText } from '../cases/case-parts.tsx'
import { CloseCaseDialog } from './close-case-dialog.tsx'
import { type CaseProblem, CaseProblemAlert, caseProblem } from './support-case-problem.tsx'
import type { SupportCaseView } from './support-case-query.ts'

type OpenStatus = 'RECEIVED' | 'IN_PROGRESS'
const OPEN_STATUSES: readonly OpenStatus[] = ['RECEIVED', 'IN_PROGRESS']
const STATUS_ID = 'andra-status'

/**
 * "Handläggning": the status and who handles the case; while it is open, "Ta ärendet" (unless it is the
 * viewer's already), the status between Inkommit and Under bearbetning, and "Avsluta ärendet", which asks
 * for the final answer in a dialog. Each change sends the version shown.
 */
export function SupportCaseHandling({
  view,
  reporterName,
  onChanged,
  onClosing,
  onReload,
  returnFocus,
}: {
  view: SupportCaseView
  reporterName: string
  /**
   * After a change, with its confirmation; `fromDialog` when a dialog made it (focus returns as it closes).
   * Resolves once the page shows the case as it is now.
   */
  onChanged: (message: string, options: { fromDialog: boolean }) => Promise<void>
  /** True as "Avsluta ärendet" is sent (false if refused): the case closing is then this page's own doing. */
  onClosing: (sent: boolean) => void
  onReload: () => void
  returnFocus: () => HTMLElement | null
}) {
  const { t } = useTranslation()
  const trpc = useTRPC()
  const headingId = useId()
  const take = useMutation(trpc.supportCase.take.mutationOptions())
  const setStatus = useMutation(trpc.supportCase.setStatus.mutationOptions())
  const close = useMutation(trpc.supportCase.close.mutationOptions())
  // The action under way, until the page shows its result: its button says so, and no other starts.
  const [busy, setBusy] = useState<'take' | 'status' | null>(null)
  const [problem, setProblem] = useState<CaseProblem | null>(null)
  const [closing, setClosing] = useState(false)
  const closeButtonRef = useRef<HTMLButtonElement>(null)
  const open = view.status !== 'CLOSED'
  const name = { name: reporterName }

  async function run(action: 'take' | 'status', change: () => Promise<unknown>, message: string) {
    if (busy) return
    setBusy(action)
    setProblem(null)
    try {
      await change()
      await onChanged(message, { fromDialog: false })
    } catch (error) {
      setProblem(caseProblem(t, error))
    } finally {
      setBusy(null)
    }
  }

  function takeCase() {
    const starts = view.status === 'RECEIVED'
    void run(
      'take',
      () => take.mutateAsync({ caseId: view.id, version: view.version }),
      starts ? t('supportCases.view.takenStarted', name) : t('supportCases.view.taken'),
    )
  }

  return (
    <section aria-labelledby={headingId} className="mb-8 max-w-3xl border-brand border-l-8 bg-surface p-5">
      <h2 id={headingId} className="mb-3 font-bold text-2xl">
        {t('supportCases.view.handlingHeading')}
      </h2>
      {problem ? (
        <CaseProblemAlert
          problem={problem}
          onReload={() => {
            setProblem(null)
            onReload()
          }}
        />
      ) : null}
      <dl className="mb-4 grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
        <dt className="font-semibold">{t('supportCases.view.status')}</dt>
        <dd>
          <CaseStatusText status={view.status} />
        </dd>
        <dt className="font-semibold">{t('supportCases.view.assignee')}</dt>
        <dd>
          {view.assigneeName
            ? view.takenByMe
              ? t('supportCases.view.you', { name: view.assigneeName })
              : view.assigneeName
            : t('supportCases.view.nobody')}
        </dd>
      </dl>

      {open ? (
        <div className="space-y-6">
          {view.takenByMe ? null : (
            <div className="space-y-2">
              <p className="max-w-prose">{t('supportCases.view.takeHint')}</p>
              <Button onClick={takeCase} aria-disabled={busy !== null}>
                {busy === 'take' ? t('supportCases.view.taking') : t('supportCases.view.take')}
              </Button>
            </div>
          )}
          <StatusForm
            // A new version (a change, a reload) starts the choice over from the case's status.
            key={`${view.version}-${view.status}`}
            current={view.status === 'IN_PROGRESS' ? 'IN_PROGRESS' : 'RECEIVED'}
            reporterName={reporterName}
            busy={busy === 'status'}
            onSubmit={(status) =>
              void run(
                'status',
                () => setStatus.mutateAsync({ caseId: view.id, version: view.version, status }),
                t('supportCases.view.statusChanged', {
                  ...name,
                  status: t(`supportCases.statuses.${status}`),
                }),
              )
            }
          />
          <div className="space-y-2">
            <p className="max-w-prose">{t('supportCases.view.closeHint', name)}</p>
            <Button
              ref={closeButtonRef}
              variant="secondary"
              onClick={() => {
                setProblem(null)
                setClosing(true)
              }}
            >
              {t('supportCases.view.close')}
            </Button>
          </div>
        </div>
      ) : (
        <p className="max-w-prose">{t('supportCases.view.closedNote')}</p>
      )}

      {closing ? (
        <CloseCaseDialog
          number={view.number}
          reporterName={reporterName}
          onSubmit={async (answer) => {
            onClosing(true)
            try {
              await close.mutateAsync({ caseId: view.id, version: view.version, answer })
            } catch (error) {
              onClosing(false)
              throw error
            }
            await onChanged(t('supportCases.view.closed', name), { fromDialog: true })
            setClosing(false)
          }}
          onClose={() => setClosing(false)}
          onReload={onReload}
          returnFocus={() => returnFocus() ?? closeButtonRef.current}
        />
      ) : null}
    </section>
  )
}

/** "Ändra status": Inkommit or Under bearbetning; choosing the status the case has says so instead of sending. */
function StatusForm({
  current,
  reporterName,
  busy,
  onSubmit,
}: {
  current: OpenStatus
  reporterName: string
  busy: boolean
  onSubmit: (status: OpenStatus) => void
}) {
  const { t } = useTranslation()
  const [chosen, setChosen] = useState<OpenStatus>(current)
  const [error, setError] = useState<string | undefined>(undefined)
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        if (busy) return
        if (chosen === current) {
          setError(t('supportCases.view.statusUnchanged'))
          document.getElementById(STATUS_ID)?.focus()
          return
        }
        setError(undefined)
        onSubmit(chosen)
      }}
      className="space-y-3"
    >
      <RadioGroup
        id={STATUS_ID}
        legend={t('supportCases.view.statusLegend')}
        hint={t('supportCases.view.statusHint', { name: reporterName })}
        error={error}
        name="status"
        value={chosen}
        onChange={(value) => setChosen(value === 'IN_PROGRESS' ? 'IN_PROGRESS' : 'RECEIVED')}
        options={OPEN_STATUSES.map((status) => ({
          value: status,
          label: t(`supportCases.statuses.${status}`),
        }))}
      />
      <Button type="submit" variant="secondary" aria-disabled={busy}>
        {busy ? t('supportCases.view.statusSaving') : t('supportCases.view.statusSubmit')}
      </Button>
    </form>
  )
}
