import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/ui/alert.tsx'
import { Button } from '../../components/ui/button.tsx'
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx'
import { DataTable } from '../../components/ui/data-table.tsx'
import { EmptyState } from '../../components/ui/empty-state.tsx'
import { LoadProblem } from '../../components/ui/load-problem.tsx'
import { ShowMore } from '../../components/ui/show-more.tsx'
import { Skeleton } from '../../components/ui/skeleton.tsx'
import { StatusMessage, useStatusMessage } from '../../components/ui/status-message.tsx'
import { asDate, formatDateTime } from '../../lib/format-date.ts'
import { useTRPC } from '../../lib/trpc.ts'
import { trpcAppCode } from '../../lib/trpc-error.ts'
import { type Draft, draftListOptions } from './order-query.ts'
import { useLanguage } from './use-language.ts'

/** "Dina utkast": the person's unsent orders, newest first, each to continue ("Fortsätt") or delete. */
export function DraftList() {
  const { t } = useTranslation()
  const language = useLanguage()
  const trpc = useTRPC()
  const queryClient = useQueryClient()
  const drafts = useInfiniteQuery(draftListOptions(trpc))
  const remove = useMutation(trpc.orderDraft.delete.mutationOptions())
  const [deleting, setDeleting] = useState<Draft | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const status = useStatusMessage()
  const tableRef = useRef<HTMLTableSectionElement>(null)
  const rows = drafts.data?.pages.flatMap((page) => page.items) ?? []

  function closeAfterDelete(message: string) {
    setDeleting(null)
    status.announce(message, { focus: true })
    void queryClient.invalidateQueries(trpc.orderDraft.pathFilter())
  }

  function confirmDelete(draft: Draft) {
    if (remove.isPending) return
    setProblem(null)
    const name = draft.offeringName[language]
    remove.mutate(
      { draftId: draft.id },
      {
        onSuccess: () => closeAfterDelete(t('drafts.deleted', { name })),
        onError: (error) =>
          trpcAppCode(error) === 'DRAFT_NOT_FOUND'
            ? closeAfterDelete(t('drafts.notFound'))
            : setProblem(t('drafts.deleteFailed')),
      },
    )
  }

  return (
    <section aria-labelledby="dina-utkast" className="mt-12">
      <h2 id="dina-utkast" className="mb-2 font-bold text-2xl">
        {t('drafts.title')}
      </h2>
      <p className="mb-4 max-w-prose">{t('drafts.intro')}</p>
      <StatusMessage ref={status.ref} message={status.message} />
      {drafts.isPending ? (
        <Skeleton label={t('drafts.loading')} lines={3} />
      ) : !drafts.data ? (
        <LoadProblem error={drafts.error} onRetry={() => void drafts.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState hint={t('drafts.emptyHint')}>{t('drafts.empty')}</EmptyState>
      ) : (
        <>
          <DataTable
            labelledBy="dina-utkast"
            className="min-w-[40rem]"
            columns={[t('drafts.offering'), t('drafts.step'), t('drafts.saved'), t('drafts.actions')]}
            bodyRef={tableRef}
          >
            {rows.map((draft) => {
              const name = draft.offeringName[language]
              const date = formatDateTime(draft.updatedAt, language)
              return (
                <tr key={draft.id} className="border-line border-b align-top">
                  <th scope="row" tabIndex={-1} className="py-3 pr-4 font-normal">
                    <span className="block font-semibold">{name}</span>
                    <span className="block text-ink-muted">{draft.serviceName[language]}</span>
                  </th>
                  <td className="py-3 pr-4">{t(`wizard.steps.${draft.step}`)}</td>
                  <td className="py-3 pr-4">
                    <time dateTime={asDate(draft.updatedAt).toISOString()}>{date}</time>
                  </td>
                  <td className="py-3">
                    <div className="flex flex-wrap items-center gap-4">
                      <Link
                        to="/bestall/utkast/$draftId"
                        params={{ draftId: draft.id }}
                        className="inline-flex min-h-11 items-center font-semibold"
                      >
                        {t('drafts.resume')}
                        <span className="sr-only"> {t('drafts.resumeNamed', { name, date })}</span>
                      </Link>
                      <Button
                        variant="secondary"
                        onClick={() => {
                          status.clear()
                          setProblem(null)
                          setDeleting(draft)
                        }}
                      >
                        {t('drafts.delete')}
                        <span className="sr-only"> {t('drafts.deleteNamed', { name, date })}</span>
                      </Button>
                    </div>
                  </td>
                </tr>
              )
            })}
          </DataTable>
          <ShowMore
            query={drafts}
            count={rows.length}
            itemAt={(index) => tableRef.current?.querySelectorAll<HTMLElement>('th[scope="row"]')[index]}
            loadingLabel={t('drafts.loadingMore')}
            noMoreLabel={t('drafts.noMore')}
          />
        </>
      )}
      {deleting ? (
        <ConfirmDialog
          title={t('drafts.deleteTitle', { name: deleting.offeringName[language] })}
          confirmLabel={t('drafts.delete')}
          busyLabel={t('drafts.deleting')}
          cancelLabel={t('common.cancel')}
          busy={remove.isPending}
          onConfirm={() => confirmDelete(deleting)}
          onClose={() => setDeleting(null)}
          returnFocus={status.returnFocus}
          problem={
            problem ? (
              <Alert tone="error">
                <p>{problem}</p>
              </Alert>
            ) : null
          }
        >
          <p>{t('drafts.deleteText', { date: formatDateTime(deleting.updatedAt, language) })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  )
}
